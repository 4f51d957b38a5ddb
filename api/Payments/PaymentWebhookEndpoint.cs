using Actors.Api.Audit;
using Actors.Contracts.Audit;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Payments;
using Actors.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Actors.Api.Payments;

/// <summary>
/// <c>POST /payments/webhook</c>: the gateway tells us what became of a payment. The sender is authenticated the
/// Standard Webhooks way (<see cref="WebhookSignature"/>); the notice goes to the request's grain, which counts a
/// message id once (nothing here remembers messages: any API process may receive any retry). Replies:
/// 401 unauthenticated (logged, without the body), 400 an authentic but malformed body, 500 when the grain failed
/// (the gateway retries), otherwise 200 with <c>{"outcome": "APPLIED" | "DUPLICATE" | "IGNORED" | "UNKNOWN_ORDER"}</c>.
/// </summary>
public static class PaymentWebhookEndpoint
{
    /// <summary>Gateways send a few hundred bytes; anything far larger is not theirs.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    private const string LoggerName = "Actors.Api.Payments.PaymentWebhook";

    /// <summary>
    /// The verifying secret (<c>Payments:WebhookSecret</c>). In the embedded mode without one, a random secret shared
    /// with the in-process sandbox gateway, which registers the same singleton: whichever comes first is the one.
    /// </summary>
    public static WebApplicationBuilder AddPaymentWebhook(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.TryAddSingleton(_ => WebhookSignature.FromConfiguration(
            configuration[WebhookSignature.SecretConfigurationKey], generateWhenMissing: HostingMode.IsEmbedded(configuration)));
        return builder;
    }

    public static WebApplication MapPaymentWebhook(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(SandboxGatewayPaths.Webhook, Receive).ExcludeFromDescription().Audited(AuditKind.Mutation, "POST " + SandboxGatewayPaths.Webhook);
        return app;
    }

    private static async Task<IResult> Receive(HttpContext context, IGrainFactory grains, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LoggerName);
        var request = context.Request;
        var messageId = request.Headers[WebhookSignature.IdHeader].ToString();
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBody(request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        WebhookSignature signature;
        try
        {
            signature = context.RequestServices.GetRequiredService<WebhookSignature>();
        }
        catch (InvalidOperationException e)
        {
            logger.LogError("Payment webhook {MessageId} cannot be verified: {Reason}", messageId, e.Message);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var verification = signature.Verify(
            messageId,
            request.Headers[WebhookSignature.TimestampHeader].ToString(),
            request.Headers[WebhookSignature.SignatureHeader].ToString(),
            body,
            clock.GetUtcNow());
        if (verification != WebhookVerification.Valid)
        {
            logger.LogWarning("Payment webhook refused ({Verification}): message id {MessageId}, from {RemoteAddress}, {Length} bytes",
                verification, messageId, context.Connection.RemoteIpAddress, body.Length);
            return Results.Json(new { error = "INVALID_SIGNATURE" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (GatewayWebhookMessage.Read(body) is not { } message)
        {
            logger.LogWarning("Payment webhook {MessageId} is authentic but its body is not the gateway's JSON", messageId);
            return Results.Json(new { error = "MALFORMED_BODY" }, statusCode: StatusCodes.Status400BadRequest);
        }

        if (message.Kind is not { } kind)
        {
            // Gateways add event types over time; acknowledging them stops retries of something we do not act on.
            logger.LogInformation("Payment webhook {MessageId} of type {Type} ignored", messageId, message.Type);
            return Outcome(GatewayNoticeOutcome.Ignored);
        }

        if (!PaymentIds.TryParse(message.OrderId, out var requestId, out _))
        {
            logger.LogWarning("Payment webhook {MessageId} ({Type}) names order {OrderId}, which is not one of ours", messageId, message.Type, message.OrderId);
            return Outcome(GatewayNoticeOutcome.UnknownOrder);
        }

        try
        {
            var outcome = await grains.Reference<ICitizenRequestGrain>(requestId).ApplyGatewayNotice(message.ToNotice(messageId, kind));
            logger.LogInformation("Payment webhook {MessageId} ({Type}) for order {OrderId}: {Outcome}", messageId, message.Type, message.OrderId, outcome);
            return Outcome(outcome);
        }
        catch (Exception e)
        {
            // Not acknowledged: the gateway retries later, and the grain counts the message once when it is through.
            logger.LogError(e, "Payment webhook {MessageId} ({Type}) for order {OrderId} could not be applied", messageId, message.Type, message.OrderId);
            return Results.Json(new { error = "NOT_APPLIED" }, statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult Outcome(GatewayNoticeOutcome outcome) => Results.Json(new { outcome = SchemaText.Of(outcome) });

    /// <summary>The whole body, or null past <see cref="MaxBodyBytes"/> (a chunked body has no length to check first).</summary>
    private static async Task<byte[]?> ReadBody(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
