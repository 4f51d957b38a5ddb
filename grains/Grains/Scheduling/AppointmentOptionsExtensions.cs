using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Scheduling;

public static class AppointmentOptionsExtensions
{
    /// <summary>Binds <see cref="AppointmentOptions"/> from the "Appointments" section; impossible values stop the silo at start.</summary>
    public static IServiceCollection AddAppointmentOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppointmentOptions>()
            .Bind(configuration.GetSection(AppointmentOptions.Section))
            .Validate(o => o.IsValid, "Appointments: HoldLifetime and MaxRangeDays must be positive, ReminderPeriod at least one minute.")
            .ValidateOnStart();
        return services;
    }
}
