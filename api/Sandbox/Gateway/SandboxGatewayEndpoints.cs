using System.Reflection;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Naming;

namespace Actors.Api.Sandbox.Gateway;

/// <summary>
/// The sandbox gateway's hosted page under <c>/sandbox/gateway/</c>, served by the API in both modes (the orders are
/// grains, so the page finds them wherever the silos are). A browser goes GET (the order's page), POST (a card),
/// POST …/challenge (the 3-D Secure code); after a decisive step it is redirected to the page, which shows the outcome.
/// </summary>
public static class SandboxGatewayEndpoints
{
    private const string AssetPath = "/sandbox/gateway/assets";

    private const string BankTimeoutNotice =
        "La banque n'a pas répondu à temps. Rien n'a été débité ; vous pouvez réessayer. " +
        "<span lang=\"en\">The bank did not answer in time. Nothing was charged; you may try again.</span>";

    private const string Policy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static WebApplication MapSandboxGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pages = app.MapGroup(SandboxGatewayPaths.Pay).ExcludeFromDescription();
        pages.MapGet("/{sessionId}", Show);
        pages.MapPost("/{sessionId}", PayWithCard);
        pages.MapPost("/{sessionId}/challenge", Authenticate);
        app.MapGet(AssetPath + "/{file}", Asset).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Show(string sessionId, HttpContext context, IGrainFactory grains)
    {
        var order = await Open(sessionId, grains);
        return order is null ? Page(context, HostedPage.UnknownSession(AssetPath), StatusCodes.Status404NotFound) : Page(context, HostedPage.For(order, AssetPath));
    }

    private static async Task<IResult> PayWithCard(string sessionId, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        if (!SandboxSessionIds.TryParse(sessionId, out var orderId, out var token))
        {
            return Page(context, HostedPage.UnknownSession(AssetPath), StatusCodes.Status404NotFound);
        }

        var grain = grains.Reference<ISandboxGatewayOrderGrain>(orderId);
        var order = await grain.Open(token);
        if (order is null)
        {
            return Page(context, HostedPage.UnknownSession(AssetPath), StatusCodes.Status404NotFound);
        }

        if (!order.IsPayable || !context.Request.HasFormContentType)
        {
            return Results.Redirect(PagePath(sessionId));
        }

        var form = CardForm.Read(await context.Request.ReadFormAsync(context.RequestAborted), clock);
        if (form.Attempt is null)
        {
            return Page(context, HostedPage.For(order, AssetPath, form), StatusCodes.Status422UnprocessableEntity);
        }

        var result = await grain.Pay(token, form.Attempt);
        return result is { Outcome: SandboxCardOutcome.BankTimeout, Order: { } unchanged }
            ? Page(context, HostedPage.For(unchanged, AssetPath, form with { Errors = new Dictionary<string, string>() }, BankTimeoutNotice), StatusCodes.Status504GatewayTimeout)
            : Results.Redirect(PagePath(sessionId));
    }

    private static async Task<IResult> Authenticate(string sessionId, HttpContext context, IGrainFactory grains)
    {
        if (!SandboxSessionIds.TryParse(sessionId, out var orderId, out var token))
        {
            return Page(context, HostedPage.UnknownSession(AssetPath), StatusCodes.Status404NotFound);
        }

        var code = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted))["code"].ToString() : "";
        var result = await grains.Reference<ISandboxGatewayOrderGrain>(orderId).Authenticate(token, code);
        return result.Outcome == SandboxCardOutcome.UnknownSession
            ? Page(context, HostedPage.UnknownSession(AssetPath), StatusCodes.Status404NotFound)
            : Results.Redirect(PagePath(sessionId));
    }

    private static IResult Asset(string file, HttpContext context)
    {
        var contentType = Path.GetExtension(file) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => null,
        };
        var stream = contentType is null ? null : Assembly.GetExecutingAssembly().GetManifestResourceStream("Sandbox/Gateway/" + file);
        if (stream is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, contentType);
    }

    private static async Task<SandboxGatewayOrder?> Open(string sessionId, IGrainFactory grains) =>
        SandboxSessionIds.TryParse(sessionId, out var orderId, out var token)
            ? await grains.Reference<ISandboxGatewayOrderGrain>(orderId).Open(token)
            : null;

    private static string PagePath(string sessionId) => SandboxGatewayPaths.Pay + "/" + Uri.EscapeDataString(sessionId);

    private static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
