// Runs once when `next start` starts, before the first request. The work is in instrumentation-node.js,
// imported only in the Node.js runtime (it uses node:http and process.exit).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { registerNode } = await import('./instrumentation-node');
    registerNode();
  }
}
