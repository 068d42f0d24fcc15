package dev.paddock.trainer.cli;

import ai.djl.ndarray.NDManager;
import dev.paddock.contract.store.S3Settings;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.contract.store.Stores;
import dev.paddock.trainer.serve.ModelService;
import dev.paddock.trainer.serve.PredictServer;
import dev.paddock.trainer.train.Hardware;
import dev.paddock.trainer.util.TrainerException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paddock-trainer serve}: predictions over HTTP from a trained model. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a trained model: POST /v1/predict, GET /healthz, GET /readyz, GET /metrics.",
      "--model is a trial or archive prefix (holding model/) or a model/ directory itself."
    })
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--model",
      description = "s3://bucket/prefix/ or file:///dir/ (env PADDOCK_MODEL_URI).")
  String model;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Bind address (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--threads",
      defaultValue = "4",
      description = "HTTP worker threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    String uri = model != null ? model : System.getenv("PADDOCK_MODEL_URI");
    try {
      if (uri == null) {
        throw TrainerException.user("no model given (--model or PADDOCK_MODEL_URI)");
      }
      EngineSetup.threads(0);
      NDManager manager = NDManager.newBaseManager(Hardware.pickDevice());
      ModelService service =
          ModelService.load(Stores.open(uri, S3Settings.fromEnv(System.getenv())), manager);
      PredictServer server = new PredictServer(service, host, port, threads);
      server.start();
      System.out.println("paddock-trainer serving on port " + server.port());
      CountDownLatch done = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    done.countDown();
                  }));
      done.await();
      return 0;
    } catch (TrainerException e) {
      System.err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (StoreUnavailableException e) {
      System.err.println("error: " + e.getMessage());
      return TrainerException.of(e).exitCode();
    }
  }
}
