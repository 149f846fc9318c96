package io.aimsledger.evidence.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} with the uploaded file's name (RFC 6266), safe whatever the name holds. */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static String attachment(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "attachment";
        }
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
