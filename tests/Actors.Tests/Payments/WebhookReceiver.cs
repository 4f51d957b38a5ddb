using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Contracts.Interop.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Actors.Tests.Payments;

/// <summary>
/// A webhook target of our own on a real port, standing in for our endpoint: it records every delivery the sandbox
/// gateway makes (checking its signature with the shared secret) and can answer 503 to the first deliveries of an order.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly WebhookSignature signature;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly ConcurrentDictionary<string, int> failuresLeft = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app, WebhookSignature signature, Uri url)
    {
        this.app = app;
        this.signature = signature;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<WebhookReceiver> Start(string secret)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, WebhookSignature.FromSecret(secret), new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/hooks"));
        app.MapPost("/hooks", receiver.Receive);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> deliveries about this order get 503.</summary>
    public void FailFirst(string orderId, int count) => failuresLeft[orderId] = count;

    public IReadOnlyList<ReceivedWebhook> For(string orderId) => received.Where(w => w.OrderId == orderId).ToList();

    /// <summary>Polls (no sleeps beyond the poll) until the deliveries about the order satisfy <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitFor(string orderId, Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var deliveries = For(orderId);
            if (done(deliveries))
            {
                return deliveries;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Deliveries for {orderId} so far: " + string.Join(", ", deliveries.Select(d => $"{d.Type} {d.MessageId} → {d.AnsweredWith}")));
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task Receive(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var verification = signature.Verify(
            headers[WebhookSignature.IdHeader], headers[WebhookSignature.TimestampHeader], headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow);
        var json = JsonNode.Parse(body)!;
        var orderId = json["data"]!["orderId"]!.GetValue<string>();
        var fail = false;
        failuresLeft.AddOrUpdate(orderId, 0, (_, left) =>
        {
            fail = left > 0;
            return Math.Max(0, left - 1);
        });
        var status = fail ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        received.Enqueue(new ReceivedWebhook(
            headers[WebhookSignature.IdHeader].ToString(),
            long.Parse(headers[WebhookSignature.TimestampHeader].ToString(), CultureInfo.InvariantCulture),
            verification,
            json["type"]!.GetValue<string>(),
            orderId,
            Encoding.UTF8.GetString(body),
            DateTimeOffset.UtcNow,
            status));
        context.Response.StatusCode = status;
    }
}
