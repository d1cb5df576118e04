using System;
using System.Net.Http;
using System.Threading;
using Authing.Generated.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Authing.Generated;

/// <summary>Registers generated Authing clients with dependency injection.</summary>
public static class AuthingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> over a named <see cref="System.Net.Http.HttpClient"/> from
    /// <see cref="IHttpClientFactory"/> whose handlers retry and sign, with options validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="createClient">Creates the client over a transport; generated code passes the constructor.</param>
    /// <param name="configure">Sets the options, for example the access key pair.</param>
    /// <returns>The builder of the named client, to add handlers or settings.</returns>
    public static IHttpClientBuilder AddAuthingClient<TClient>(
        this IServiceCollection services,
        Func<AuthingTransport, TClient> createClient,
        Action<AuthingClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(createClient);
        string name = GetClientName<TClient>();
        OptionsBuilder<AuthingClientOptions> options = services.AddOptions<AuthingClientOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services, name, createClient);
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as <see cref="AddAuthingClient{TClient}(IServiceCollection,
    /// Func{AuthingTransport, TClient}, Action{AuthingClientOptions})"/> does, with the options bound from the
    /// configuration section <c>Authing</c>.
    /// </summary>
    public static IHttpClientBuilder AddAuthingClient<TClient>(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<AuthingTransport, TClient> createClient)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(createClient);
        string name = GetClientName<TClient>();
        IConfigurationSection section = configuration.GetSection(AuthingClientOptions.SectionName);
        services.AddOptions<AuthingClientOptions>(name)
            .Configure(options => AuthingClientOptionsBinder.Bind(section, options));
        return AddCore(services, name, createClient);
    }

    /// <summary>
    /// The name of the options and of the <see cref="System.Net.Http.HttpClient"/> registered for
    /// <typeparamref name="TClient"/>, to configure them further.
    /// </summary>
    public static string GetClientName<TClient>() => "Authing:" + typeof(TClient).FullName;

    private static IHttpClientBuilder AddCore<TClient>(
        IServiceCollection services, string name, Func<AuthingTransport, TClient> createClient)
        where TClient : class
    {
        // Limitation: options are read when a client or handler is created; configuration reloads are not watched.
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<AuthingClientOptions>, AuthingClientOptionsValidator>());
        services.AddOptions<AuthingClientOptions>(name).ValidateOnStart();

        var certificateWarning = new AuthingHandlerChain.WarningOnce();
        IHttpClientBuilder builder = services.AddHttpClient(name)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                AuthingHandlerChain.CreatePrimaryHandler(Options(provider, name), Logger(provider), certificateWarning))
            .RedactLoggedHeaders(static _ => true);

        // Added before the resilience handler, so a request that will not be retried can go past it.
        builder.AddHttpMessageHandler(provider => new AuthingHandlerChain.SingleAttemptBypass(Options(provider, name)));

        builder.AddResilienceHandler(
            AuthingResilience.PipelineName,
            (pipeline, context) => AuthingResilience.Configure(
                pipeline, Options(context.ServiceProvider, name), Logger(context.ServiceProvider)));

        // Added after the resilience handler, so it sits inside it and signs every attempt.
        builder.AddHttpMessageHandler(provider =>
            new AuthingSigningHandler(Options(provider, name), provider.GetService<TimeProvider>()));

        services.AddTransient(provider => createClient(new AuthingTransport(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(name),
            Options(provider, name),
            Logger(provider))));
        return builder;
    }

    private static AuthingClientOptions Options(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<AuthingClientOptions>>().Get(name);

    private static ILogger Logger(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger(AuthingTransport.LoggerCategory) ?? NullLogger.Instance;
}
