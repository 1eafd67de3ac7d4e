// A tiny element builder. Text always becomes a Text node (never parsed as HTML), so user-controlled
// strings such as a name of "<img src=x onerror=alert(1)>" are shown literally.

/**
 * h('a', {href: '/profile', 'data-testid': 'profile-link'}, 'Profile')
 * Attributes are set before the element is inserted anywhere, which Element Timing needs
 * (an `elementtiming` attribute added after insertion is not observed).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}
