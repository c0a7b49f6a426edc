package com.invoicedelivery.invoice.shared.web;

import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: its title and description. The bearer scheme, the roles, the problem
 * schema and the common error answers are the kit's ({@code kit.openapi.PlatformOpenApi}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static {
        // the Caller parameter of the controllers comes from the token, not from the request's parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI invoiceServiceApi() {
        return new OpenAPI()
                .info(new Info().title("invoice-service").version("1")
                        .description("Tenants, clients, invoices, e-mail templates and sends: preview and send"
                                + " invoices one by one or many at once, import invoices and send them, and follow"
                                + " each recipient's status. Errors are RFC 9457 problems naming the field."));
    }
}
