namespace Millrace.Training.Tests;

public sealed class ModelArtifactTests
{
    [Fact]
    public void A_model_saved_and_loaded_back_predicts_raw_rows_exactly_as_before()
    {
        var (transform, train, eval) = PenguinData.Load();
        using var model = TabularTrainer.Fit(transform, ModelArchitecture.WideAndDeep(8), train, eval, new TrainerOptions { Epochs = 3, BatchSize = 32 });
        var directory = Directory.CreateTempSubdirectory("millrace-model-");
        try
        {
            model.Save(directory.FullName);
            using var loaded = TrainedModel.Load(directory.FullName);
            var evalTable = Splits.Of("penguins/penguins_labelled.csv").Eval;
            Assert.Equal(model.Predict(transform.Apply(evalTable)), loaded.Predict(loaded.Transform.Apply(evalTable)));
            Assert.Equal(model.Architecture, loaded.Architecture);
        }
        finally { directory.Delete(recursive: true); }
    }

    [Fact]
    public void Loading_a_directory_without_a_model_is_an_error_that_names_the_missing_file()
    {
        var error = Assert.Throws<TrainingDataException>(() => TrainedModel.Load(Path.GetTempPath()));
        Assert.Contains(ModelManifest.FileName, error.Message);
    }
}
