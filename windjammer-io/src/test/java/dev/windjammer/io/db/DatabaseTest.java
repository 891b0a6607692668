package dev.windjammer.io.db;

import dev.windjammer.TaskFailedException;
import dev.windjammer.TimedOutException;
import dev.windjammer.UncheckedInterruptedException;
import dev.windjammer.async.Async;
import dev.windjammer.testkit.Delays;
import dev.windjammer.testkit.TestThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every test runs against H2 (embedded) and against a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "postgresql"})
class DatabaseTest {

    enum Status { DRAFT, PUBLISHED }

    record User(long id, String name, String email, Instant createdAt) {
    }

    record Post(long id, long userId, String title, Status status) {
    }

    record Named(String name) {
        Named {
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
        }
    }

    private static final Instant CREATED = Instant.parse("2026-05-01T10:15:30Z");
    private static final int CONCURRENT_QUERIES = 500;

    @Parameter
    String engine;

    private Database db;
    private String postgresUrl;

    @BeforeEach
    void open() {
        db = open(4, Duration.ofSeconds(30));
        db.update("create table users (id bigint primary key, name varchar(100) not null unique,"
                + " email varchar(200), created_at timestamp with time zone)");
        db.update("create table posts (id bigint primary key, user_id bigint not null references users(id),"
                + " title varchar(200) not null, status varchar(20) not null)");
        db.update("insert into users (id, name, email, created_at) values (?, ?, ?, ?)", 1, "ada", "ada@example.com", CREATED);
        db.update("insert into users (id, name, email, created_at) values (?, ?, ?, ?)", 2, "bo", null, CREATED);
        db.update("insert into posts (id, user_id, title, status) values (?, ?, ?, ?)", 10, 1, "Engines", Status.PUBLISHED);
        db.update("insert into posts (id, user_id, title, status) values (?, ?, ?, ?)", 11, 1, "Notes", Status.DRAFT);
    }

    private Database open(int connections, Duration timeout) {
        if (engine.equals("h2")) {
            return connections == 4 ? Database.inMemory()
                    : Database.builder("jdbc:h2:mem:pool-" + System.nanoTime()).maxConnections(connections)
                            .connectionTimeout(timeout).build();
        }
        if (postgresUrl == null) {
            postgresUrl = TestPostgres.freshDatabase();
        }
        return Database.builder(postgresUrl).maxConnections(connections).connectionTimeout(timeout).build();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        if (postgresUrl != null) {
            TestPostgres.drop(postgresUrl);
        }
    }

    @Test
    void mapsRowsToRecordsByColumnName() {
        List<User> users = db.query("select id, name, email, created_at from users order by id", User.class);
        assertThat(users).containsExactly(
                new User(1, "ada", "ada@example.com", CREATED),
                new User(2, "bo", null, CREATED));
    }

    @Test
    void columnOrderDoesNotMatterAndExtraColumnsAreIgnored() {
        List<Post> posts = db.query("select status, title, 42 as extra, user_id, id from posts where user_id = ? order by id",
                Post.class, 1);
        assertThat(posts).containsExactly(new Post(10, 1, "Engines", Status.PUBLISHED), new Post(11, 1, "Notes", Status.DRAFT));
    }

    @Test
    void readsSingleValues() {
        assertThat(db.query("select count(*) from posts", Long.class)).containsExactly(2L);
        assertThat(db.query("select name from users order by name", String.class)).containsExactly("ada", "bo");
    }

    @Test
    void queryOptionalFindsOneOrNone() {
        assertThat(db.queryOptional("select id, name, email, created_at from users where id = ?", User.class, 2))
                .hasValue(new User(2, "bo", null, CREATED));
        assertThat(db.queryOptional("select id, name, email, created_at from users where id = ?", User.class, 99)).isEmpty();
    }

    @Test
    void queryOptionalRefusesMoreThanOneRow() {
        assertThatThrownBy(() -> db.queryOptional("select name from users", String.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected at most one row");
    }

    @Test
    void updateReturnsTheNumberOfRowsChanged() {
        assertThat(db.update("update posts set status = ? where user_id = ?", Status.DRAFT, 1)).isEqualTo(2);
        assertThat(db.update("delete from posts where id = ?", 99)).isZero();
    }

    @Test
    void bindsTypedParameters() {
        db.update("create table things (id uuid primary key, made_on date, price numeric(10, 2), flag boolean, data bytea)");
        UUID id = UUID.randomUUID();
        db.update("insert into things (id, made_on, price, flag, data) values (?, ?, ?, ?, ?)",
                id, LocalDate.of(2026, 1, 2), new java.math.BigDecimal("9.50"), true, new byte[] {1, 2});
        record Thing(UUID id, LocalDate madeOn, java.math.BigDecimal price, boolean flag, byte[] data) {
        }
        Thing thing = db.queryOptional("select id, made_on, price, flag, data from things", Thing.class).orElseThrow();
        assertThat(thing.id()).isEqualTo(id);
        assertThat(thing.madeOn()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(thing.price()).isEqualByComparingTo("9.50");
        assertThat(thing.flag()).isTrue();
        assertThat(thing.data()).containsExactly(1, 2);
    }

    @Test
    void parametersAreNeverSplicedIntoTheSql() {
        String hostile = "x'); drop table users; --";
        assertThat(db.query("select name from users where name = ?", String.class, hostile)).isEmpty();
        assertThat(db.query("select count(*) from users", Long.class)).containsExactly(2L);
    }

    @Test
    void transactionCommitsWhenTheBodyReturns() {
        long total = db.transaction(tx -> {
            tx.update("insert into users (id, name) values (?, ?)", 3, "cy");
            tx.update("insert into posts (id, user_id, title, status) values (?, ?, ?, ?)", 12, 3, "Hello", Status.DRAFT);
            return tx.query("select count(*) from posts", Long.class).getFirst();
        });
        assertThat(total).isEqualTo(3);
        assertThat(db.query("select count(*) from posts", Long.class)).containsExactly(3L);
    }

    @Test
    void transactionRollsBackAndRethrowsTheSameUncheckedException() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.update("insert into users (id, name) values (?, ?)", 3, "cy");
            throw boom;
        })).isSameAs(boom);
        assertThat(db.query("select count(*) from users", Long.class)).containsExactly(2L);
    }

    @Test
    void transactionWrapsACheckedExceptionOnce() {
        IOException checked = new IOException("disk");
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.update("delete from posts");
            throw checked;
        })).isInstanceOf(TaskFailedException.class).hasCause(checked);
        assertThat(db.query("select count(*) from posts", Long.class)).containsExactly(2L);
    }

    @Test
    void failedStatementInsideATransactionRollsBackTheEarlierOnes() {
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.update("insert into users (id, name) values (?, ?)", 3, "cy");
            return tx.update("insert into users (id, name) values (?, ?)", 4, "ada");
        })).isInstanceOf(DatabaseException.class);
        assertThat(db.query("select count(*) from users", Long.class)).containsExactly(2L);
    }

    @Test
    void transactionCannotBeUsedAfterItsBody() {
        AtomicReference<Transaction> leaked = new AtomicReference<>();
        db.transaction(tx -> {
            leaked.set(tx);
            return null;
        });
        assertThatThrownBy(() -> leaked.get().update("delete from posts"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the transaction has ended");
    }

    @Test
    void constraintViolationIsADatabaseExceptionWithItsSqlState() {
        assertThatThrownBy(() -> db.update("insert into users (id, name) values (?, ?)", 5, "ada"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("[SQLState 23505]")
                .hasMessageContaining("SQL: insert into users (id, name) values (?, ?)")
                .extracting(e -> ((DatabaseException) e).sqlState()).isEqualTo("23505");
    }

    @Test
    void syntaxErrorNamesTheSql() {
        assertThatThrownBy(() -> db.query("selec name from users", String.class))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("query failed [SQLState 42")
                .hasMessageEndingWith("SQL: selec name from users");
    }

    @Test
    void missingColumnNamesTheComponentAndTheColumns() {
        assertThatThrownBy(() -> db.query("select id, name from users", User.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column for component email of User(id, name, email, createdAt)")
                .hasMessageContaining("[id, name]");
    }

    @Test
    void nullIntoAPrimitiveComponentIsRefused() {
        record Score(long id, int points) {
        }
        assertThatThrownBy(() -> db.query("select id, cast(null as integer) as points from users", Score.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column points is NULL, but component points of Score(id, points) is a int");
    }

    @Test
    void unknownEnumNameIsRefused() {
        db.update("update posts set status = 'LOST' where id = 10");
        assertThatThrownBy(() -> db.query("select id, user_id, title, status from posts", Post.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"LOST\" is not a constant of Status [DRAFT, PUBLISHED]");
    }

    @Test
    void recordValidationRunsForEveryRow() {
        db.update("update users set name = ' ' where id = 2");
        assertThatThrownBy(() -> db.query("select name from users order by id", Named.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be blank");
    }

    @Test
    void severalColumnsIntoANonRecordTypeIsRefused() {
        assertThatThrownBy(() -> db.query("select id, name from users", String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a non-record type reads a single column");
    }

    @Test
    void manyConcurrentQueriesShareTheSmallPool() {
        AtomicInteger answered = new AtomicInteger();
        try (TestThreads threads = new TestThreads()) {
            for (int i = 0; i < CONCURRENT_QUERIES; i++) {
                long id = 1 + i % 2;
                threads.startVirtual(() -> {
                    if (db.queryOptional("select name from users where id = ?", String.class, id).isPresent()) {
                        answered.incrementAndGet();
                    }
                });
            }
        }
        assertThat(answered).hasValue(CONCURRENT_QUERIES);
    }

    @Test
    void waitingTooLongForAConnectionTimesOut() throws InterruptedException {
        try (Database single = open(1, Delays.MEDIUM); TestThreads threads = new TestThreads()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            threads.startVirtual(() -> single.transaction(tx -> {
                holding.countDown();
                release.await();
                return null;
            }));
            holding.await();
            try {
                assertThatThrownBy(() -> single.query("select 1", Integer.class))
                        .isInstanceOf(TimedOutException.class)
                        .hasMessageContaining("a database connection for select 1");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void interruptedWhileWaitingForAConnection() throws InterruptedException {
        try (Database single = open(1, Delays.LONG); TestThreads threads = new TestThreads()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            threads.startVirtual(() -> single.transaction(tx -> {
                holding.countDown();
                release.await();
                return null;
            }));
            holding.await();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            Thread waiter = threads.startVirtual(() -> {
                try {
                    single.query("select 1", Integer.class);
                } catch (UncheckedInterruptedException e) {
                    failure.set(e);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            Thread.sleep(Delays.MEDIUM);
            waiter.interrupt();
            TestThreads.awaitTermination(waiter);
            release.countDown();
            assertThat(failure.get()).isInstanceOf(UncheckedInterruptedException.class);
            assertThat(flag.get()).isTrue();
        }
    }

    @Test
    void interruptingASlowQueryEndsItAndThePoolRecovers() throws InterruptedException {
        Assumptions.assumeTrue(engine.equals("postgresql"), "H2 embedded does not interrupt a running statement");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (TestThreads threads = new TestThreads()) {
            Thread slow = threads.startVirtual(() -> {
                try {
                    db.query("select pg_sleep(60)", String.class);
                } catch (UncheckedInterruptedException e) {
                    failure.set(e);
                }
            });
            Thread.sleep(Delays.MEDIUM);
            slow.interrupt();
        }
        assertThat(failure.get()).isInstanceOf(UncheckedInterruptedException.class);
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            counts.add(db.query("select count(*) from users", Long.class).getFirst());
        }
        assertThat(counts).containsOnly(2L);
    }

    @Test
    void asyncTimeoutAroundASlowQueryOnAPlatformThreadEndsIt() {
        Assumptions.assumeTrue(engine.equals("postgresql"), "H2 embedded does not interrupt a running statement");
        assertThatThrownBy(() -> Async.timeout(Delays.MEDIUM, () -> db.query("select pg_sleep(60)", String.class)))
                .isInstanceOf(TimedOutException.class)
                .hasCauseInstanceOf(UncheckedInterruptedException.class);
        assertThat(db.query("select count(*) from users", Long.class)).containsExactly(2L);
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> db.query(null, String.class)).isInstanceOf(NullPointerException.class).hasMessage("sql");
        assertThatThrownBy(() -> db.query("select 1", null)).isInstanceOf(NullPointerException.class).hasMessage("type");
        assertThatThrownBy(() -> db.transaction(null)).isInstanceOf(NullPointerException.class).hasMessage("body");
    }
}
