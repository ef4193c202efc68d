using Microsoft.Extensions.Hosting;
using Millrace.Hosting;
using Millrace.TestApp;

return await Host.CreateApplicationBuilder(args)
    .AddMillrace()
    .AddPipeline<FilesPipeline>()
    .AddPipeline<ChainPipeline>()
    .RunAsync();
