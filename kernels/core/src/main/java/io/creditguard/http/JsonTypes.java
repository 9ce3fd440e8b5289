package io.creditguard.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.validation.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The API Gateway HTTP API (payload 2.0) event and response that every HTTP function reads and
 * writes through Funqy's Jackson, and the field errors of its problem answers, registered for a
 * native image explicitly rather than trusting the extension to find each nested class.
 */
@RegisterForReflection(targets = {
        APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPEvent.RequestContext.class,
        APIGatewayV2HTTPEvent.RequestContext.Http.class, APIGatewayV2HTTPEvent.RequestContext.Authorizer.class,
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.class, APIGatewayV2HTTPEvent.RequestContext.IAM.class,
        APIGatewayV2HTTPEvent.RequestContext.CognitoIdentity.class, APIGatewayV2HTTPResponse.class, FieldError.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
