package io.aimsledger.support.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A report that a GRC team takes to a spreadsheet: the same rows as JSON (the default), as CSV
 * ({@code Accept: text/csv}, RFC 4180, with a header row) or as XLSX ({@code Accept:} {@value #XLSX}),
 * written with Jackson's CSV module and Apache POI rather than by hand.
 */
public final class Tables {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final CsvMapper CSV_MAPPER = new CsvMapper();

    private Tables() {
    }

    /** A table: its column names and its rows (values shown as text; null as empty). */
    public record Table(String name, List<String> columns, List<List<Object>> rows) {
    }

    /** {@code json} or the table, as the request's {@code Accept} asks. */
    public static Response answer(HttpHeaders headers, Object json, Table table) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        for (MediaType type : accepted) {
            if (type.isCompatible(MediaType.valueOf(XLSX)) && !type.isWildcardType()) {
                return file(xlsx(table), XLSX, table.name() + ".xlsx");
            }
            if (type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType()) {
                return file(csv(table), CSV + "; charset=UTF-8", table.name() + ".csv");
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static byte[] csv(Table table) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.columns().forEach(schema::addColumn);
        try {
            return CSV_MAPPER.writer(schema.build()).writeValueAsBytes(text(table.rows()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xlsx(Table table) {
        try (var workbook = new SXSSFWorkbook(100); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(table.name());
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                header.createCell(c).setCellValue(table.columns().get(c));
            }
            List<List<String>> rows = text(table.rows());
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> text(List<List<Object>> rows) {
        List<List<String>> text = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            text.add(row.stream().map(value -> value == null ? "" : value.toString()).toList());
        }
        return text;
    }

    private static Response file(byte[] body, String type, String filename) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
