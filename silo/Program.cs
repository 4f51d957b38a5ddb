using Actors.ServiceDefaults;
using Actors.SiloHosting;
using Actors.Silo;

// `dotnet run --project silo -- migrate` applies the database migrations and exits (0 on success).
if (args.Length > 0 && args[0] == "migrate")
{
    return await SiloCommands.MigrateAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddActorsServiceDefaults("actors-silo");
builder.UseOrleans(silo => silo.AddActorsSilo(builder.Configuration));

var app = builder.Build();
app.MapActorsServiceDefaults();
await app.RunAsync();
return 0;
