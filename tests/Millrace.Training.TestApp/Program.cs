using Microsoft.Extensions.Hosting;
using Millrace.Hosting;
using Millrace.Training.TestApp;

// `run resume-training --Resume:DataPath=<penguins csv> --Millrace:PipelineRoot=<root>`: ingests the penguins, fits
// the transform and trains a small network with a checkpoint per epoch.
return await Host.CreateApplicationBuilder(args)
    .AddMillrace()
    .AddPipeline<ResumeTrainingPipeline>()
    .RunAsync();
