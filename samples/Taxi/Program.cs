using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Millrace;
using Millrace.Hosting;
using Millrace.Samples.Taxi;

// The Chicago taxi pipeline as a generic-host console app:
//   dotnet run --project samples/Taxi -- run      run it (SQLite metadata and artifacts under .millrace/), then print a summary
//   dotnet run --project samples/Taxi -- graph    print its graph as Mermaid
using var host = Host.CreateApplicationBuilder(args)
    .AddMillrace()
    .AddPipeline<TaxiPipeline>()
    .Build();
int exitCode = await host.RunMillraceAsync(args);
if (args.FirstOrDefault() == "run") await RunSummary.PrintAsync(host.Services.GetRequiredService<IMetadataStore>(), Console.Out);
return exitCode;
