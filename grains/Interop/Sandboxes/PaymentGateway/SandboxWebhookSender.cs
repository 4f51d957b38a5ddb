using System.Net.Http.Headers;
using System.Text;
using Actors.Contracts.Interop.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>
/// Posts one signed webhook message, as the gateway does: a fresh timestamp and signature per attempt. Any answer
/// but 2xx, a network failure, a timeout or a missing setting is a failed attempt; the order's grain retries.
/// </summary>
public sealed class SandboxWebhookSender(
    IHttpClientFactory http,
    PaymentGatewaySandboxAddresses addresses,
    IServiceProvider services,
    IOptionsMonitor<PaymentGatewaySandboxOptions> options,
    TimeProvider clock,
    ILogger<SandboxWebhookSender> logger)
{
    public const string HttpClientName = "sandbox-payment-gateway-webhooks";

    public async Task<WebhookAttempt> Send(string messageId, string body, CancellationToken cancellationToken)
    {
        try
        {
            // Resolved here, not in the constructor: in cluster mode a missing secret fails the deliveries (logged), not the silo.
            var signature = services.GetRequiredService<WebhookSignature>();
            var target = addresses.WebhookTarget();
            var bytes = Encoding.UTF8.GetBytes(body);
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.IdHeader, messageId);
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, signature.Sign(messageId, timestamp, bytes));

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(options.CurrentValue.WebhookTimeoutMilliseconds));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new WebhookAttempt(status, null) : new WebhookAttempt(status, $"HTTP {status}");
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttempt(null, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, "timeout");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or UriFormatException)
        {
            logger.LogError("The sandbox gateway cannot send webhook {MessageId}: {Reason}", messageId, e.Message);
            return new WebhookAttempt(null, e.Message);
        }
    }
}
