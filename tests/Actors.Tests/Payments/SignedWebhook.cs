using System.Globalization;
using System.Text;
using Actors.Contracts.Interop.Payments;

namespace Actors.Tests.Payments;

/// <summary>Posts a body to <c>/payments/webhook</c> as the gateway would: message id, timestamp and signature headers.</summary>
public static class SignedWebhook
{
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient http, WebhookSignature signer, string body, string? messageId = null, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signer);
        var id = messageId ?? "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments/webhook") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, signer.Sign(id, timestamp, bytes));
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
