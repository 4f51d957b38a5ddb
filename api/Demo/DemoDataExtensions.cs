using Actors.ServiceDefaults;

namespace Actors.Api.Demo;

public static class DemoDataExtensions
{
    /// <summary>Demo:Seed (default: true in embedded mode, false with PostgreSQL).</summary>
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Demo:Seed", HostingMode.IsEmbedded(builder.Configuration)))
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
            builder.Services.AddHostedService<DemoCalendarSeeder>();
            builder.Services.AddHostedService<DemoFundSeeder>();
            builder.Services.AddHostedService<DemoCampaignSeeder>();
        }

        return builder;
    }
}
