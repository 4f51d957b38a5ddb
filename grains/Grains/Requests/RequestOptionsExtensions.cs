using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Requests;

public static class RequestOptionsExtensions
{
    /// <summary>Binds <see cref="RequestOptions"/> from the "Requests" section; impossible limits stop the silo at start.</summary>
    public static IServiceCollection AddRequestOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestOptions>()
            .Bind(configuration.GetSection(RequestOptions.Section))
            .Validate(o => o.IsValid, "Requests: MinimumCardAge and PupilAgeRange must be non-negative, PupilAgeRange.Minimum <= Maximum, PaymentWindow, MaxPaymentAttempts and MaxNoShows positive.")
            .ValidateOnStart();
        return services;
    }
}
