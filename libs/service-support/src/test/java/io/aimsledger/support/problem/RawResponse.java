package io.aimsledger.support.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.restassured.RestAssured;

/** A request written byte for byte on a socket (what no HTTP client would send), and what came back. */
record RawResponse(int status, String head, String body) {

    static RawResponse send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private static RawResponse read(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8_192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes.write(buffer, 0, read);
                String text = bytes.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0 && complete(text.substring(0, end), text.length() - end - 4)) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // the server may close the connection right after its answer
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] statusLine = head.split(" ", 3);
        return new RawResponse(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, head,
                end < 0 ? "" : text.substring(end + 4));
    }

    private static boolean complete(String head, int bodyBytes) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return bodyBytes >= Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
