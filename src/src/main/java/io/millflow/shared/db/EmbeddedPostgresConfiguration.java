package io.millflow.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a PostgreSQL server started from the application's own jar, its data in
 * {@code ${MILLFLOW_DATA_DIR:./data}/postgres}, listening on loopback only. Setting
 * {@code spring.datasource.url} switches to an external server and this configuration steps aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", matchIfMissing = true, havingValue = "__never__")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${millflow.data-dir:./data}") String dataDir,
            @Value("${millflow.embedded-db.port:0}") int port) throws IOException {
        Path base = Path.of(dataDir).toAbsolutePath().normalize();
        Path data = base.resolve("postgres");
        Path work = base.resolve("postgres-work");
        Files.createDirectories(data);
        Files.createDirectories(work);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setOverrideWorkingDirectory(work.toFile())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // data lives in memory or on SSD: random reads cost little more than sequential ones
                .setServerConfig("random_page_cost", "1.1");
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", pg.getPort(), data);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start with data in " + data
                    + " (is another Millflow running on the same MILLFLOW_DATA_DIR?)", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg, @Value("${millflow.embedded-db.pool-size:30}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        // batched inserts become multi-row inserts (the stock ledger posts thousands of lines at once)
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("millflow-embedded");
        return ds;
    }
}
