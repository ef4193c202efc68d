using Microsoft.Extensions.Hosting;
using Millrace.Hosting;
using Millrace.Samples.Taxi;

// The Chicago taxi pipeline as a generic-host console app:
//   dotnet run --project samples/Taxi -- run      run it (SQLite metadata and artifacts under .millrace/)
//   dotnet run --project samples/Taxi -- graph    print its graph as Mermaid
return await Host.CreateApplicationBuilder(args)
    .AddMillrace()
    .AddPipeline<TaxiPipeline>()
    .RunAsync();
