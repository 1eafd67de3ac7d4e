package io.authbench.ssr.view;

/**
 * The page frame shared by every page: the app bar and the stylesheet. The markup matches csr-app's
 * ({@code header.app-bar > strong + nav.page-links}, then {@code main}) so both apps look and lay out the same.
 */
final class Layout {
    static final String APP_NAME = "AuthBench";

    private Layout() {}

    /**
     * @param title     the document title, plain text (escaped here)
     * @param navLinks  trusted markup for the app bar's links (built by the pages from escaped values)
     * @param main      trusted markup for the content (likewise)
     */
    static String page(String title, String navLinks, String main) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · %s</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="%s">
                </head>
                <body>
                <header class="app-bar"><strong>%s</strong><nav class="page-links">%s</nav></header>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(Html.escape(title), APP_NAME, Html.escape(Stylesheet.HREF), APP_NAME, navLinks, main);
    }

    /** Logout is a POST (a link would let any site log the user out); the button is styled like a link. */
    static String logoutButton() {
        return """
                <form method="post" action="/logout"><button type="submit" class="link" data-testid="logout">Sign out</button></form>""";
    }

    /** The date part of an Appwrite datetime, as csr-app shows it ("2026-11-27T07:00:00.000+00:00" → "2026-11-27"). */
    static String date(String appwriteDateTime) {
        String shown = appwriteDateTime != null && appwriteDateTime.matches("^\\d{4}-\\d{2}-\\d{2}.*")
                ? appwriteDateTime.substring(0, 10)
                : appwriteDateTime;
        return "<time datetime=\"" + Html.escape(appwriteDateTime) + "\">" + Html.escape(shown) + "</time>";
    }
}
