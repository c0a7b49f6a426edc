package com.invoicedelivery.invoice.shared.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/**
 * How values are stored: money as Decimal128 (exact, scale kept: 201.00 stays 201.00), and dates with the
 * driver's own codecs, so an invoice's issue date is the same day whatever the server's time zone.
 */
@Configuration(proxyBeanMethods = false)
public class MongoMappingConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(conversions -> conversions
                .useNativeDriverJavaTimeCodecs()
                .bigDecimal(BigDecimalRepresentation.DECIMAL128));
    }
}
