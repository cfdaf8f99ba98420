package io.millflow.mail;

/** Absolute links into the app from {@code millflow.public-url} and an app-relative path. */
final class Links {

    private Links() {
    }

    static String absolute(String publicUrl, String link) {
        if (link == null || link.isBlank()) {
            return trim(publicUrl) + "/";
        }
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        return trim(publicUrl) + (link.startsWith("/") ? link : "/" + link);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
