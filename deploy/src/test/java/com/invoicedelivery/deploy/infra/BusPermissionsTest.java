package com.invoicedelivery.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.invoicedelivery.deploy.infra.BusPermissions.Consumption;
import com.invoicedelivery.deploy.infra.BusPermissions.Grant;
import com.invoicedelivery.events.Topics;
import org.junit.jupiter.api.Test;

/** The bus permissions agree with what the services consume, and with what the docs say. */
class BusPermissionsTest {

    private static final Path ROOT = Files.isDirectory(Path.of("docs")) ? Path.of("") : Path.of("..");
    private static final Pattern BINDING =
            Pattern.compile("destination: ([a-z.,\\-]+)\\n\\s+group: ([a-z\\-]+)");

    @Test
    void eachServiceConsumesExactlyWhatItsApplicationYmlBindsTogetherWithItsReplayTopics() throws IOException {
        for (Grant grant : BusPermissions.grants()) {
            if (grant.principal().equals(BusPermissions.IMPORTER)) {
                continue;
            }
            String yml = Files.readString(ROOT.resolve(grant.principal()).resolve("src/main/resources/application.yml"));
            List<String> bound = new ArrayList<>();
            Matcher matcher = BINDING.matcher(yml);
            while (matcher.find()) {
                bound.add(matcher.group(1) + " as " + matcher.group(2));
            }
            assertThat(bound).as(grant.principal()).containsExactlyInAnyOrderElementsOf(grant.consumes().stream()
                    .map(consumption -> consumption.topic() + "," + consumption.replayTopic() + " as "
                            + consumption.group())
                    .toList());
            for (Consumption consumption : grant.consumes()) {
                assertThat(yml).contains("dlq-name: " + consumption.deadLetterTopic());
            }
        }
    }

    @Test
    void onlyTrackingServiceWritesTrackingEventsAndOnlyTheImporterWritesImportRequests() {
        assertThat(BusPermissions.grants().stream().filter(grant -> grant.writes().contains(Topics.TRACKING_EVENTS)))
                .extracting(Grant::principal).containsExactly(BusPermissions.TRACKING_SERVICE);
        assertThat(BusPermissions.grants().stream().filter(grant -> grant.writes().contains(Topics.IMPORT_REQUESTED)))
                .extracting(Grant::principal).containsExactly(BusPermissions.IMPORTER);
        assertThat(BusPermissions.of(BusPermissions.IMPORTER).writes()).containsExactly(Topics.IMPORT_REQUESTED);
    }

    @Test
    void everyTopicHasExactlyOneWriter() {
        for (String topic : BusPermissions.topics()) {
            assertThat(BusPermissions.grants().stream().filter(grant -> grant.writes().contains(topic))).as(topic)
                    .hasSize(1);
        }
    }

    @Test
    void theArchitectureDocumentShowsTheTableTheBrokerEnforces() throws IOException {
        assertThat(Files.readString(ROOT.resolve("docs/ARCHITECTURE.md"))).contains(BusPermissions.markdownTable());
    }
}
