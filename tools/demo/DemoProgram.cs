namespace Actors.Demo;

/// <summary>
/// The command (usage: <see cref="DemoArguments.Usage"/>). A named class rather than top-level statements: the test
/// project references this assembly beside the API's, whose Program the API tests name.
/// </summary>
public static class DemoProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var arguments = DemoArguments.Parse(args, DateTimeOffset.UtcNow);
            var plan = new DemoPlan(arguments.Seed, arguments.Requests, arguments.Start, arguments.Days);
            Console.WriteLine($"Plan: {plan.Requests} requests, seed {plan.Seed}, submitted over {plan.Days} days from {plan.Start:yyyy-MM-dd}");
            DemoRunResult result;
            if (arguments.Bulk)
            {
                result = await new BulkLoad(plan, arguments.Connection!, Console.Out, arguments.Parallel).RunAsync();
            }
            else
            {
                var settings = new Dictionary<string, string?>();
                if (arguments.Postgres)
                {
                    settings["ConnectionStrings:Postgres"] = arguments.Connection;
                }

                result = await new RealPathsRun(plan, settings, arguments.Parallel, Console.Out).RunAsync();
            }

            Console.WriteLine($"Done in {result.Elapsed:hh\\:mm\\:ss}. Requests by status:");
            foreach (var (status, count) in result.ByStatus.OrderBy(s => s.Key))
            {
                Console.WriteLine($"  {status,-20} {count,8}");
            }

            foreach (var departure in result.Departures)
            {
                Console.WriteLine("  not as planned: " + departure);
            }

            return result.Departures.Count == 0 ? 0 : 1;
        }
        catch (DemoUsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(DemoArguments.Usage);
            return 2;
        }
    }
}
