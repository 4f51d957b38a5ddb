using Actors.Contracts.Audit;
using Actors.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Audit;

/// <summary>The embedded host with a <see cref="FlakyAuditTrail"/> and a short <c>Audit:RecordPatience</c> (3 s).</summary>
public sealed class AuditOutageApiFactory : ApiFactory
{
    public FlakyAuditTrail Trail { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pathway:Automatic"] = "false",
        ["Audit:RecordPatience"] = "00:00:03",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IAuditTrail>(Trail));
    }
}
