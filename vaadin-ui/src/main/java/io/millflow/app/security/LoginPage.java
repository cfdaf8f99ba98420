package io.millflow.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: a plain HTML form (fields {@code username} and {@code password}, POST to
 * {@code /login}), also the login page of the embedded OIDC issuer. Anyone may open it.
 * <p>
 * It is deliberately not a Vaadin view: a Vaadin page keeps sending requests with the session id of
 * before the login, and one arriving after Spring Security changed the id (session fixation
 * protection) made the server start a new, anonymous session, so a login sometimes did not stick.
 */
@Controller
class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String token = csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken());
        String parameter = csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName());
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"message error\" role=\"alert\" id=\"login-error\">Wrong username or password.</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"message\" role=\"status\">You have signed out.</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="_csrf" content="%1$s">
                  <meta name="_csrf_parameter" content="%2$s">
                  <meta name="theme-color" content="#1676f3">
                  <link rel="manifest" href="manifest.webmanifest">
                  <link rel="icon" href="icons/icon.png">
                  <title>Sign in · Millflow</title>
                  <style>
                    body { margin: 0; font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                           background: #f5f7fa; color: #1a2533; display: flex; min-height: 100vh;
                           align-items: center; justify-content: center; }
                    main { background: #fff; padding: 2rem; border-radius: 12px; width: min(22rem, 90vw);
                           box-shadow: 0 2px 12px rgba(0,0,0,.08); }
                    h1 { margin: 0 0 .25rem; font-size: 1.8rem; }
                    p.lead { margin: 0 0 1.5rem; color: #5b6b7f; }
                    label { display: block; font-size: .9rem; margin: 1rem 0 .3rem; color: #3d4b5c; }
                    input { width: 100%%; box-sizing: border-box; padding: .65rem .75rem; font-size: 1rem;
                            border: 1px solid #c5cfdb; border-radius: 6px; }
                    input:focus { outline: 2px solid #1676f3; border-color: #1676f3; }
                    button { margin-top: 1.5rem; width: 100%%; padding: .7rem; font-size: 1rem; border: 0;
                             border-radius: 6px; background: #1676f3; color: #fff; cursor: pointer; }
                    .message { margin: 0 0 1rem; padding: .6rem .75rem; border-radius: 6px; background: #eef3fb; }
                    .message.error { background: #fdecec; color: #a4161a; }
                  </style>
                </head>
                <body>
                  <main>
                    <h1>Millflow</h1>
                    <p class="lead">Projects, stock and approvals in one place.</p>
                    %3$s
                    <form method="post" action="login" id="login-form">
                      <input type="hidden" name="%2$s" value="%1$s">
                      <label for="username">Username</label>
                      <input id="username" name="username" autocomplete="username" required autofocus>
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                      <button type="submit" id="sign-in">Sign in</button>
                    </form>
                  </main>
                </body>
                </html>
                """.formatted(token, parameter, message);
    }
}
