package dev.windjammer.examples.async;

import dev.windjammer.io.db.Database;
import dev.windjammer.io.http.Http;
import dev.windjammer.io.http.HttpException;
import dev.windjammer.io.http.HttpServer;
import dev.windjammer.io.http.Request;
import dev.windjammer.io.http.Response;

import java.util.List;

/**
 * The seed's "Perfect for async" example, a request handler that waits on the database twice
 * and answers with JSON:
 *
 * <pre>
 * async fn handle_request() {
 *     let user = db::get_user(id).await
 *     let posts = db::get_posts(user.id).await
 *     http::json(posts)
 * }
 * </pre>
 *
 * <p>In Java the handler is an ordinary method: the server runs it on its own virtual thread, so
 * each {@code .await} is simply a blocking call that parks the virtual thread while the database
 * works, and thousands of requests wait at once on a few carrier threads. An unknown user is the
 * client's mistake and answers {@code 404}; a malformed id answers {@code 400}.
 *
 * <p>Run {@code main} (from an IDE, or {@code java -cp <examples class path>
 * dev.windjammer.examples.async.HandleRequest [port]}), then
 * {@code curl http://127.0.0.1:8080/users/1/posts}.
 */
public final class HandleRequest {

    /** A row of {@code users}. */
    public record User(long id, String name) {
    }

    /** A row of {@code posts}. */
    public record Post(long id, long userId, String title) {
    }

    /** The seed's {@code db::} functions over a {@link Database}. */
    public static final class Db {
        private final Database database;

        public Db(Database database) {
            this.database = database;
        }

        /** {@code db::get_user(id)}: the user, or {@code 404} for the client. */
        public User getUser(long id) {
            return database.queryOptional("select id, name from users where id = ?", User.class, id)
                    .orElseThrow(() -> HttpException.notFound("no user " + id));
        }

        /** {@code db::get_posts(user.id)}: the user's posts, newest first. */
        public List<Post> getPosts(long userId) {
            return database.query("select id, user_id, title from posts where user_id = ? order by id desc", Post.class, userId);
        }
    }

    private final Db db;

    public HandleRequest(Db db) {
        this.db = db;
    }

    /** The handler: {@code GET /users/{id}/posts}. */
    public Response handleRequest(Request request) {
        long id = request.pathParamAsLong("id");
        User user = db.getUser(id);
        List<Post> posts = db.getPosts(user.id());
        return Http.json(posts);
    }

    /** Creates the example's two tables with a little data. */
    public static void createSampleData(Database database) {
        database.update("create table users (id bigint primary key, name varchar(100) not null)");
        database.update("create table posts (id bigint primary key, user_id bigint not null references users(id),"
                + " title varchar(200) not null)");
        database.transaction(tx -> {
            tx.update("insert into users (id, name) values (?, ?)", 1, "ada");
            tx.update("insert into users (id, name) values (?, ?)", 2, "grace");
            tx.update("insert into posts (id, user_id, title) values (?, ?, ?)", 10, 1, "Notes on the analytical engine");
            tx.update("insert into posts (id, user_id, title) values (?, ?, ?)", 11, 1, "On Bernoulli numbers");
            return null;
        });
    }

    /** Returns the example's server (not yet started) on {@code address}. */
    public static HttpServer server(String address, Database database) {
        HandleRequest example = new HandleRequest(new Db(database));
        return Http.server(address).get("/users/{id}/posts", example::handleRequest);
    }

    /**
     * Serves the example on 127.0.0.1 until interrupted (Ctrl-C).
     *
     * @param args an optional port, default 8080
     */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        try (Database database = Database.inMemory()) {
            createSampleData(database);
            HttpServer server = server("127.0.0.1:" + port, database).start();
            System.out.println("try: curl " + server.url("/users/1/posts"));
            server.run();
        }
    }
}
