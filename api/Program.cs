using Actors.Api.Analytics;
using Actors.Api.Campaigns;
using Actors.Api.Demo;
using Actors.Api.Documents;
using Actors.Api.Exports;
using Actors.Api.GraphQL;
using Actors.Api.Hosting;
using Actors.Api.Identity;
using Actors.Api.Payments;
using Actors.Api.Sandbox.Gateway;
using Actors.Api.Security;
using Actors.Api.Transport;
using Actors.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddActorsServiceDefaults("actors-api");
builder.AddActorsOrleans();
builder.AddActorsAuthentication();
builder.AddActorsDevClock();
builder.AddActorsGraphQL();
builder.AddActorsRateLimiting();
builder.AddActorsSecurityHeaders();
builder.AddPaymentWebhook();
builder.AddDemoData();
builder.AddStartupBanner();

var app = builder.Build();
app.UseActorsSecurityHeaders();
app.UseAuthentication();
app.UseActorsRateLimiting();
app.MapActorsServiceDefaults();
app.MapDevTokens();
app.MapActorsDevClock();
app.MapGraphQLTransport();
app.MapGraphiQL();
app.MapVerifyPage();
app.MapDashboardPage();
app.MapPaymentWebhook();
app.MapSandboxGateway();
app.MapDocumentPdfs();
app.MapProgressExport();
app.MapFundUseExport();
app.MapDocumentKeys();
app.MapCampaignEnrolments();
app.InitializeActorsSchema();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
