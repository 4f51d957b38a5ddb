using System.Net;

namespace Actors.Tests.Payments;

/// <summary>The hosted page over plain HTTP, as a browser without script would use it (redirects followed).</summary>
public static class HostedPageClient
{
    public static async Task<(HttpStatusCode Status, string Html)> Show(HttpClient http, string payUrl)
    {
        using var response = await http.GetAsync(payUrl, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static async Task<(HttpStatusCode Status, string Html)> PayWithCard(
        HttpClient http, string payUrl, string number, string expiry = "12/39", string cvc = "123", string name = "Amina Ben Salah")
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["number"] = number,
            ["expiry"] = expiry,
            ["cvc"] = cvc,
            ["name"] = name,
        });
        using var response = await http.PostAsync(payUrl, form, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static async Task<(HttpStatusCode Status, string Html)> Authenticate(HttpClient http, string payUrl, string code)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code });
        using var response = await http.PostAsync(payUrl + "/challenge", form, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
