using System.Text.Json.Nodes;
using Actors.Contracts.Interop.Notifications;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Interop;

/// <summary>The Development-only <c>sandboxNotifications</c> query over real HTTP, on what the embedded silo's notifications sandbox took.</summary>
[Collection(ApiCollection.Name)]
public sealed class SandboxNotificationsApiTests(ApiFactory api)
{
    private const string Query = """
        query($requestId: ID, $recipient: String, $first: Int) {
          sandboxNotifications(requestId: $requestId, recipient: $recipient, first: $first) {
            messageId channel recipient template text language requestId acceptedAt } }
        """;

    [Fact]
    public async Task A_developer_reads_what_the_sandbox_sent_for_a_request_newest_first()
    {
        var request = Guid.NewGuid();
        var sender = api.Services.GetRequiredService<INotificationSender>();
        var sms = await sender.Send(Message(request, NotificationChannel.Sms, "+21698123456", "ar"), TestContext.Current.CancellationToken);
        var email = await sender.Send(Message(request, NotificationChannel.Email, "amira@example.tn", "fr"), TestContext.Current.CancellationToken);
        await sender.Send(Message(Guid.NewGuid(), NotificationChannel.Sms, "+21698123456", "ar"), TestContext.Current.CancellationToken);
        var token = await api.Token("CITIZEN", "sandbox-reader");

        var result = await api.GraphQL(Query, new { requestId = RequestId(request) }, token);
        var listed = result["data"]!["sandboxNotifications"]!.AsArray();
        Assert.Equal([email.MessageId, sms.MessageId], listed.Select(n => n!["messageId"]!.GetValue<string>()));
        var first = listed[0]!;
        Assert.Equal("EMAIL", first["channel"]!.GetValue<string>());
        Assert.Equal("amira@example.tn", first["recipient"]!.GetValue<string>());
        Assert.Equal(("request-submitted", "fr", $"Demande {request:N} enregistrée."), (first["template"]!.GetValue<string>(), first["language"]!.GetValue<string>(), first["text"]!.GetValue<string>()));
        Assert.Equal(RequestId(request), first["requestId"]!.GetValue<string>());
        Assert.Equal(email.AcceptedAt, DateTimeOffset.Parse(first["acceptedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("SMS", listed[1]!["channel"]!.GetValue<string>());

        var byRecipient = await api.GraphQL(Query, new { requestId = RequestId(request), recipient = "+2169812", first = 1 }, token);
        Assert.Equal([sms.MessageId], byRecipient["data"]!["sandboxNotifications"]!.AsArray().Select(n => n!["messageId"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(0, null, "first")]
    [InlineData(51, null, "first")]
    [InlineData(5, "U2VydmljZUNlbnRlcjpUTjExLUdVMQ", "requestId")]
    [InlineData(5, "not-an-id", "requestId")]
    public async Task Bad_arguments_are_bad_user_input_naming_the_argument(int first, string? requestId, string field)
    {
        var result = await api.GraphQL(Query, new { requestId, first }, await api.Token("CITIZEN", "sandbox-reader"));
        Assert.Equal(("BAD_USER_INPUT", field), (Code(result), result["errors"]![0]!["extensions"]!["parameters"]!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthenticated()
    {
        Assert.Equal("UNAUTHENTICATED", Code(await api.GraphQL(Query)));
    }

    private static string RequestId(Guid request) => GlobalIds.Of("CitizenRequest", request.ToString("N"));

    private static string Code(JsonNode result) => result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private static Notification Message(Guid request, NotificationChannel channel, string recipient, string language) => new(
        Guid.NewGuid().ToString("N"), channel, recipient, language, "request-submitted",
        new Dictionary<string, string>(), request, $"Demande {request:N} enregistrée.");
}
