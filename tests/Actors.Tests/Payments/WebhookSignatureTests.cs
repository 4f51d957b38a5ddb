using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Interop.Payments;

namespace Actors.Tests.Payments;

/// <summary>The Standard Webhooks scheme both ends share: what verifies, and each way a message is refused.</summary>
public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"payment.captured","data":{"orderId":"o-1"}}""");
    private static readonly string Secret = WebhookSignature.NewSecret();

    private readonly WebhookSignature signature = WebhookSignature.FromSecret(Secret);

    [Fact]
    public void A_message_signed_with_the_secret_now_is_valid()
    {
        var timestamp = Now.ToUnixTimeSeconds();
        var header = signature.Sign("msg_1", timestamp, Body);

        Assert.StartsWith("v1,", header, StringComparison.Ordinal);
        Assert.Equal(WebhookVerification.Valid, signature.Verify("msg_1", Seconds(timestamp), header, Body, Now));
    }

    [Fact]
    public void The_signature_is_the_HMAC_SHA256_of_id_timestamp_and_body_under_the_secret_bytes()
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("msg_1.1764504000." + Encoding.UTF8.GetString(Body)));

        Assert.Equal("v1," + Convert.ToBase64String(expected), signature.Sign("msg_1", 1764504000, Body));
    }

    [Fact]
    public void Another_secret_an_altered_body_or_another_message_id_does_not_verify()
    {
        var timestamp = Now.ToUnixTimeSeconds();
        var forged = WebhookSignature.FromSecret(WebhookSignature.NewSecret()).Sign("msg_1", timestamp, Body);
        var genuine = signature.Sign("msg_1", timestamp, Body);
        var altered = Encoding.UTF8.GetBytes("""{"type":"payment.captured","data":{"orderId":"o-2"}}""");

        Assert.Equal(WebhookVerification.NoMatchingSignature, signature.Verify("msg_1", Seconds(timestamp), forged, Body, Now));
        Assert.Equal(WebhookVerification.NoMatchingSignature, signature.Verify("msg_1", Seconds(timestamp), genuine, altered, Now));
        Assert.Equal(WebhookVerification.NoMatchingSignature, signature.Verify("msg_2", Seconds(timestamp), genuine, Body, Now));
        Assert.Equal(WebhookVerification.NoMatchingSignature, signature.Verify("msg_1", Seconds(timestamp + 1), genuine, Body, Now));
        Assert.Equal(WebhookVerification.NoMatchingSignature, signature.Verify("msg_1", Seconds(timestamp), "v1,not-base64!", Body, Now));
        Assert.Equal(WebhookVerification.NoMatchingSignature, signature.Verify("msg_1", Seconds(timestamp), genuine.Replace("v1,", "v2,", StringComparison.Ordinal), Body, Now));
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_old_or_ahead_is_refused_even_when_signed()
    {
        var stale = Now.AddMinutes(-5).AddSeconds(-1).ToUnixTimeSeconds();
        var future = Now.AddMinutes(5).AddSeconds(1).ToUnixTimeSeconds();
        var edge = Now.AddMinutes(-5).ToUnixTimeSeconds();

        Assert.Equal(WebhookVerification.TooOld, signature.Verify("msg_1", Seconds(stale), signature.Sign("msg_1", stale, Body), Body, Now));
        Assert.Equal(WebhookVerification.TooNew, signature.Verify("msg_1", Seconds(future), signature.Sign("msg_1", future, Body), Body, Now));
        Assert.Equal(WebhookVerification.Valid, signature.Verify("msg_1", Seconds(edge), signature.Sign("msg_1", edge, Body), Body, Now));
        Assert.Equal(WebhookVerification.MalformedTimestamp, signature.Verify("msg_1", "12:00", signature.Sign("msg_1", edge, Body), Body, Now));
    }

    [Fact]
    public void Among_several_signatures_one_match_is_enough()
    {
        var timestamp = Now.ToUnixTimeSeconds();
        var other = WebhookSignature.FromSecret(WebhookSignature.NewSecret()).Sign("msg_1", timestamp, Body);
        var genuine = signature.Sign("msg_1", timestamp, Body);

        Assert.Equal(WebhookVerification.Valid, signature.Verify("msg_1", Seconds(timestamp), $"{other} v1a,abc {genuine}", Body, Now));
        Assert.Equal(WebhookVerification.NoMatchingSignature, signature.Verify("msg_1", Seconds(timestamp), $"{other} v1a,abc", Body, Now));
    }

    [Theory]
    [InlineData(null, "1764504000", "v1,abc")]
    [InlineData("msg_1", null, "v1,abc")]
    [InlineData("msg_1", "1764504000", null)]
    [InlineData("", "1764504000", "v1,abc")]
    public void A_missing_header_is_refused(string? id, string? timestamp, string? signatures) =>
        Assert.Equal(WebhookVerification.MissingHeaders, signature.Verify(id, timestamp, signatures, Body, Now));

    [Fact]
    public void A_secret_is_whsec_and_base64_and_none_is_generated_unless_asked()
    {
        Assert.Throws<FormatException>(() => WebhookSignature.FromSecret("whsec_not base64"));
        Assert.Throws<FormatException>(() => WebhookSignature.FromSecret("whsec_" + Convert.ToBase64String(new byte[8])));
        Assert.Throws<InvalidOperationException>(() => WebhookSignature.FromConfiguration(null, generateWhenMissing: false));

        var generated = WebhookSignature.FromConfiguration(" ", generateWhenMissing: true);
        var timestamp = Now.ToUnixTimeSeconds();
        Assert.Equal(WebhookVerification.NoMatchingSignature, signature.Verify("msg_1", Seconds(timestamp), generated.Sign("msg_1", timestamp, Body), Body, Now));
    }

    private static string Seconds(long value) => value.ToString(CultureInfo.InvariantCulture);
}
