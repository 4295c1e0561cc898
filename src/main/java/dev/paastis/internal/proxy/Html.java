package dev.paastis.internal.proxy;

/** Tiny HTML helpers for the pages the proxy itself serves. */
final class Html {

  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A small self-contained page; {@code extraHead} goes into the head (e.g. a refresh). */
  static String page(String title, String heading, String message, String extraHead) {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        %s<title>%s</title>
        <style>
        body{font-family:system-ui,-apple-system,sans-serif;background:#f6f7f9;color:#1d2330;
        display:flex;min-height:100vh;margin:0;align-items:center;justify-content:center}
        main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0001;padding:2rem 2.5rem;
        max-width:32rem;margin:1rem}
        h1{font-size:1.4rem;margin:0 0 .75rem}p{line-height:1.5;margin:.5rem 0;color:#4a5263}
        code{background:#eef0f4;padding:.1rem .35rem;border-radius:4px}
        .spinner{width:28px;height:28px;border:3px solid #d5d9e2;border-top-color:#3b6ef5;
        border-radius:50%%;animation:spin 1s linear infinite;margin-bottom:1rem}
        @keyframes spin{to{transform:rotate(360deg)}}
        </style></head>
        <body><main>%s</main></body></html>
        """
        .formatted(extraHead, escape(title), heading + message);
  }
}
