namespace Actors.Tests.Identity;

/// <summary>Two in-process OpenID Connect issuers and the API host that trusts both.</summary>
public sealed class OidcFixture : IAsyncLifetime
{
    private OidcApiFactory? api;

    public OidcTestIssuer Citizens { get; private set; } = null!;

    public OidcTestIssuer Staff { get; private set; } = null!;

    public OidcApiFactory Api => api ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        Citizens = await OidcTestIssuer.StartAsync("citizens");
        Staff = await OidcTestIssuer.StartAsync("staff");
        api = new OidcApiFactory(Citizens, Staff);
        await api.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        await Staff.DisposeAsync();
        await Citizens.DisposeAsync();
    }
}
