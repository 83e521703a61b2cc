package org.teletherapy.deploy.kubernetes;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.ModelMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Reads a built-in kind into the Kubernetes Java client's model of it, strictly. The client's generated models check
 * the JSON they are made from ({@code V1Deployment.fromJson}, and {@code validateJsonElement} of every nested type):
 * a field the model does not have is refused, so is a required field that is missing. (The client's {@code Yaml}
 * helper is lenient in places, which is why the document goes through JSON here.)
 */
final class StrictModels {

    /**
     * The operators' API groups. The Kubernetes client has no models of their kinds: the tests check those field by
     * field as maps (OperatorResourcesTest). Any other kind the client does not know is refused.
     */
    static final Set<String> OPERATOR_GROUPS = Set.of("kafka.strimzi.io", "postgresql.cnpg.io", "barmancloud.cnpg.io",
            "k8s.keycloak.org", "external-secrets.io");

    private static final Gson GSON = JSON.getGson();

    static boolean isOperatorResource(Manifest manifest) {
        return OPERATOR_GROUPS.contains(manifest.group());
    }

    /** The client's model object for this document. */
    static Object parse(Manifest manifest) {
        Class<?> model = ModelMapper.preBuiltGetApiTypeClass(manifest.group(), manifest.version(), manifest.kind());
        if (model == null) {
            throw new ManifestRefusedException(manifest.id() + ": the Kubernetes client has no model of "
                    + manifest.apiVersion() + " " + manifest.kind() + " (a misspelt kind or apiVersion?)");
        }
        return parse(manifest, model);
    }

    static <T> T parse(Manifest manifest, Class<T> model) {
        String json = GSON.toJson(manifest.body());
        try {
            Method fromJson = model.getMethod("fromJson", String.class);
            return model.cast(fromJson.invoke(null, json));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ManifestRefusedException(manifest.id() + " is not a valid " + model.getSimpleName() + ": "
                    + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no fromJson(String)", e);
        }
    }

    private StrictModels() {
    }
}
