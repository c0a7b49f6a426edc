package com.invoicedelivery.kit.problem;

import java.util.List;

import com.invoicedelivery.kit.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every error of a REST API into an RFC 9457 problem body; invalid input names the offending field.
 * Unexpected errors answer 500 with no internals in the body (they are logged).
 */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return respond(ProblemResponses.invalid(e.violations()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        if (!e.violations().isEmpty()) {
            problem.setProperty("errors", e.violations());
        }
        return respond(problem);
    }

    @ExceptionHandler(Caller.MissingTenantException.class)
    ResponseEntity<ProblemDetail> missingTenant(Caller.MissingTenantException e) {
        return respond(ProblemResponses.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(ProblemResponses.invalid(violations));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ProblemResponses.invalid(List.of(new FieldViolation(e.getName(), "has an invalid value"))));
    }

    /** A method-level authorisation refusal (e.g. {@code @PreAuthorize}) is a 403, never an internal error. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return respond(ProblemResponses.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "The bearer token does not allow this request."));
    }

    /**
     * A multipart body that cannot be parsed (no boundary, a truncated part) is the client's error. An oversized
     * upload is its own, more specific exception and keeps its 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> brokenMultipart(MultipartException e) {
        FieldViolation unreadable = new FieldViolation("body", "is not a readable multipart body");
        return respond(ProblemResponses.invalid(List.of(unreadable)));
    }

    /** A Content-Type that does not parse is a 415. */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(InvalidMediaTypeException e) {
        return respond(unsupportedMediaType());
    }

    /**
     * Spring refuses a request Content-Type that names no concrete type ({@code application/*}) with an
     * IllegalArgumentException when it reads the headers: that one is the client's 415. Any other is unexpected.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        if (isWildcard(request.getContentType())) {
            return respond(unsupportedMediaType());
        }
        return unexpected(e);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException notAType) {
            return false;
        }
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(unsupportedMediaType());
    }

    private static ProblemDetail unsupportedMediaType() {
        return ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", "The request's Content-Type is not one this endpoint reads.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return respond(ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The request could not be completed; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(error.getField(), error.getDefaultMessage()))
                .toList();
        if (violations.isEmpty()) {
            violations = List.of(new FieldViolation(ex.getObjectName(), "is invalid"));
        }
        return objectResponse(ProblemResponses.invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldViolation(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return objectResponse(ProblemResponses.invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return objectResponse(ProblemResponses.invalid(List.of(unreadableBody(ex))));
    }

    /** Names the field a malformed body breaks on, from Jackson's path, without echoing its value. */
    static FieldViolation unreadableBody(HttpMessageNotReadableException ex) {
        return ex.getCause() instanceof JacksonException jackson ? JsonViolations.of(jackson)
                : new FieldViolation(JsonViolations.BODY, "is missing or is not valid JSON");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> objectResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
