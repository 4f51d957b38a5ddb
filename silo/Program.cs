using Actors.ServiceDefaults;
using Actors.SiloHosting;
using Actors.SiloHosting.Dashboard;
using Actors.Silo;

// `dotnet run --project silo -- migrate` applies the database migrations and exits (0 on success).
if (args.Length > 0 && args[0] == "migrate")
{
    return await SiloCommands.MigrateAsync(args[1..]);
}

// `silo wait-for-schema`: the init container of host pods (exit 0 once this build's migrations are in the database).
if (args.Length > 0 && args[0] == "wait-for-schema")
{
    return await SiloCommands.WaitForSchemaAsync(args[1..]);
}

// `silo verify-audit`: walks the audit trail's hash chain (exit 0 intact, 1 at the first broken link, 2 cannot run).
if (args.Length > 0 && args[0] == "verify-audit")
{
    return await SiloCommands.VerifyAuditAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddActorsServiceDefaults("actors-silo");
builder.UseOrleans(silo => silo.AddActorsSilo(builder.Configuration).AddActorsKubernetesHosting(builder.Configuration)
    .AddActorsDashboard(builder.Configuration));

var app = builder.Build();
app.MapActorsServiceDefaults();
app.MapActorsDashboard();
await app.RunAsync();
return 0;
