/**
 * Windjammer for Java, async I/O: an HTTP client and server, JSON, files and a database API
 * whose calls block the calling virtual thread (see {@code docs/adr/0040-io-calls-block-virtual-threads.md}).
 *
 * <p>Types that are read or written as JSON must be in packages open to
 * {@code com.fasterxml.jackson.databind}; records built from database rows, in packages open to
 * this module.
 */
module dev.windjammer.io {
    requires transitive dev.windjammer.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires io.helidon.webserver;
    requires io.helidon.http;
    requires io.helidon.common;
    requires com.zaxxer.hikari;
    requires java.net.http;
    requires java.sql;
    requires jdk.management;

    exports dev.windjammer.io.db;
    exports dev.windjammer.io.fs;
    exports dev.windjammer.io.http;
    exports dev.windjammer.io.json;
}
