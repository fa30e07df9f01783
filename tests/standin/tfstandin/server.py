"""The gRPC server Terraform talks to: go-plugin's handshake, then tfplugin5.

Terraform starts a provider as a child process with a magic cookie in the
environment, the protocol versions it speaks (``PLUGIN_PROTOCOL_VERSIONS``)
and, because it uses go-plugin's automatic mutual TLS, its own client
certificate (``PLUGIN_CLIENT_CERT``, PEM). The provider listens on a Unix
socket, answers TLS with a fresh self-signed certificate for "localhost" that
requires the client's certificate, and prints one line on stdout:

    1|5|unix|/path/to/socket|grpc|<the certificate, DER, base64 without padding>

(core protocol 1, plugin protocol 5). Besides the ``tfplugin5.Provider``
service, go-plugin calls ``plugin.GRPCController/Shutdown`` to stop the
process (we exit at once; otherwise it waits two seconds and kills it), may
check ``grpc.health.v1.Health`` for service "plugin", and opens the
``plugin.GRPCStdio`` and ``plugin.GRPCBroker`` streams, which we close empty.
"""

from __future__ import annotations

import base64
import datetime
import functools
import os
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent import futures
from pathlib import Path
from typing import Any

import grpc

from . import cty, planning
from .schema import ProviderSchema, TypeSchema, load, pinned_providers, wire_schema

MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE"
MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"
PROTOCOL_VERSION = 5
_PROTO = Path(__file__).with_name("tfplugin5.proto")


def load_protocol() -> tuple[Any, Any]:
    """The tfplugin5 message and service modules, compiled from our .proto at start-up."""
    sys.path.insert(0, str(_PROTO.parent))
    try:
        return grpc.protos_and_services(_PROTO.name)  # type: ignore[no-any-return]
    finally:
        sys.path.remove(str(_PROTO.parent))


def _rpc(response: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Turn an exception inside an RPC into an error diagnostic Terraform shows."""

    def wrap(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def call(self: StandinProvider, request: Any, context: Any) -> Any:
            try:
                return method(self, request, context)
            except Exception as exc:  # every failure must reach Terraform's output
                cls = self._message(response)
                detail = "".join(traceback.format_exception(exc))
                summary = (
                    f"stand-in provider {self.schema.name}: {method.__name__} failed "
                    f"for {getattr(request, 'type_name', '') or 'the provider'}: {exc}"
                )
                return cls(
                    diagnostics=[self.pb.Diagnostic(severity=1, summary=summary, detail=detail)]
                )

        return call

    return wrap


class StandinProvider:
    """The ``tfplugin5.Provider`` service for one pinned schema snapshot."""

    def __init__(self, schema: ProviderSchema, pb: Any) -> None:
        self.schema = schema
        self.pb = pb

    # -- helpers ---------------------------------------------------------------

    def _message(self, dotted: str) -> Any:
        obj = self.pb
        for part in dotted.split("."):
            obj = getattr(obj, part)
        return obj

    def _value(self, dv: Any) -> Any:
        if dv.msgpack:
            return cty.decode(dv.msgpack)
        if dv.json:
            import json

            return json.loads(dv.json)
        return None

    def _dv(self, value: Any) -> Any:
        return self.pb.DynamicValue(msgpack=cty.encode(value))

    def _type(self, table: dict[str, TypeSchema], kind: str, name: str) -> TypeSchema:
        try:
            return table[name]
        except KeyError:
            raise ValueError(
                f"{kind} {name!r} is not in the pinned schema of {self.schema.address} "
                f"(it has: {', '.join(sorted(table)) or 'none'})"
            ) from None

    def _path(self, path: planning.Path) -> Any:
        steps = []
        for step in path:
            if isinstance(step, int):
                steps.append(self.pb.AttributePath.Step(element_key_int=step))
            elif isinstance(step, planning.Key):
                steps.append(self.pb.AttributePath.Step(element_key_string=step.key))
            else:
                steps.append(self.pb.AttributePath.Step(attribute_name=step))
        return self.pb.AttributePath(steps=steps)

    # -- schema ----------------------------------------------------------------

    @_rpc("GetProviderSchema.Response")
    def GetSchema(self, request: Any, context: Any) -> Any:
        pb, s = self.pb, self.schema
        return pb.GetProviderSchema.Response(
            provider=wire_schema(pb, s.provider),
            resource_schemas={n: wire_schema(pb, t) for n, t in s.resources.items()},
            data_source_schemas={n: wire_schema(pb, t) for n, t in s.data_sources.items()},
            ephemeral_resource_schemas={
                n: wire_schema(pb, t) for n, t in s.ephemeral_resources.items()
            },
            server_capabilities=pb.ServerCapabilities(plan_destroy=True),
        )

    @_rpc("GetMetadata.Response")
    def GetMetadata(self, request: Any, context: Any) -> Any:
        m, s = self.pb.GetMetadata, self.schema
        return m.Response(
            server_capabilities=self.pb.ServerCapabilities(plan_destroy=True),
            resources=[m.ResourceMetadata(type_name=n) for n in s.resources],
            data_sources=[m.DataSourceMetadata(type_name=n) for n in s.data_sources],
            ephemeral_resources=[m.EphemeralMetadata(type_name=n) for n in s.ephemeral_resources],
        )

    @_rpc("GetFunctions.Response")
    def GetFunctions(self, request: Any, context: Any) -> Any:
        return self.pb.GetFunctions.Response()

    # -- validation and configuration: the pinned schema is all we know -------

    @_rpc("PrepareProviderConfig.Response")
    def PrepareProviderConfig(self, request: Any, context: Any) -> Any:
        return self.pb.PrepareProviderConfig.Response(prepared_config=request.config)

    @_rpc("ValidateResourceTypeConfig.Response")
    def ValidateResourceTypeConfig(self, request: Any, context: Any) -> Any:
        self._type(self.schema.resources, "resource type", request.type_name)
        return self.pb.ValidateResourceTypeConfig.Response()

    @_rpc("ValidateDataSourceConfig.Response")
    def ValidateDataSourceConfig(self, request: Any, context: Any) -> Any:
        self._type(self.schema.data_sources, "data source", request.type_name)
        return self.pb.ValidateDataSourceConfig.Response()

    @_rpc("ValidateEphemeralResourceConfig.Response")
    def ValidateEphemeralResourceConfig(self, request: Any, context: Any) -> Any:
        self._type(self.schema.ephemeral_resources, "ephemeral resource", request.type_name)
        return self.pb.ValidateEphemeralResourceConfig.Response()

    @_rpc("Configure.Response")
    def Configure(self, request: Any, context: Any) -> Any:
        return self.pb.Configure.Response()

    @_rpc("Stop.Response")
    def Stop(self, request: Any, context: Any) -> Any:
        return self.pb.Stop.Response()

    # -- managed resources -----------------------------------------------------

    @_rpc("UpgradeResourceState.Response")
    def UpgradeResourceState(self, request: Any, context: Any) -> Any:
        ts = self._type(self.schema.resources, "resource type", request.type_name)
        if not request.raw_state.json:
            raise ValueError(
                "only JSON states are supported (this state is in the pre-0.12 flatmap form)"
            )
        if request.version != ts.version:
            raise ValueError(
                f"the state was written with schema version {request.version}; the pinned "
                f"schema is version {ts.version} and the stand-in has no upgraders"
            )
        # The stored JSON state already has the current schema's shape (we
        # wrote it): hand it back as it is; Terraform decodes it with the schema.
        return self.pb.UpgradeResourceState.Response(
            upgraded_state=self.pb.DynamicValue(json=request.raw_state.json)
        )

    @_rpc("ReadResource.Response")
    def ReadResource(self, request: Any, context: Any) -> Any:
        # Nothing exists outside the state, so nothing ever drifts.
        return self.pb.ReadResource.Response(
            new_state=request.current_state, private=request.private
        )

    @_rpc("PlanResourceChange.Response")
    def PlanResourceChange(self, request: Any, context: Any) -> Any:
        ts = self._type(self.schema.resources, "resource type", request.type_name)
        planned, replace = planning.plan(
            ts, self._value(request.prior_state), self._value(request.proposed_new_state)
        )
        return self.pb.PlanResourceChange.Response(
            planned_state=self._dv(planned),
            requires_replace=[self._path(p) for p in replace],
            planned_private=request.prior_private,
            legacy_type_system=self.schema.legacy_type_system,
        )

    @_rpc("ApplyResourceChange.Response")
    def ApplyResourceChange(self, request: Any, context: Any) -> Any:
        ts = self._type(self.schema.resources, "resource type", request.type_name)
        new = planning.apply(ts, self._value(request.planned_state), self._value(request.config))
        return self.pb.ApplyResourceChange.Response(
            new_state=self._dv(new),
            private=request.planned_private,
            legacy_type_system=self.schema.legacy_type_system,
        )

    @_rpc("ImportResourceState.Response")
    def ImportResourceState(self, request: Any, context: Any) -> Any:
        ts = self._type(self.schema.resources, "resource type", request.type_name)
        resource = self.pb.ImportResourceState.ImportedResource(
            type_name=request.type_name, state=self._dv(planning.imported(ts, request.id))
        )
        return self.pb.ImportResourceState.Response(imported_resources=[resource])

    @_rpc("ReadDataSource.Response")
    def ReadDataSource(self, request: Any, context: Any) -> Any:
        ts = self._type(self.schema.data_sources, "data source", request.type_name)
        state = planning.read_data_source(ts, self._value(request.config))
        return self.pb.ReadDataSource.Response(state=self._dv(state))


# --- go-plugin ------------------------------------------------------------------


def _bytes(data: bytes) -> bytes:
    return data


def _plugin_services(stop: threading.Event) -> list[grpc.GenericRpcHandler]:
    """go-plugin's own services; their messages are empty or tiny, so raw bytes do."""

    def shutdown(request: bytes, context: Any) -> bytes:
        stop.set()
        return b""  # plugin.Empty

    def health(request: bytes, context: Any) -> bytes:
        return b"\x08\x01"  # HealthCheckResponse{status: SERVING}

    def no_stream(request: Any, context: Any) -> Iterator[bytes]:
        return iter(())

    def handler(kind: Callable[..., Any], fn: Callable[..., Any]) -> Any:
        return kind(fn, request_deserializer=_bytes, response_serializer=_bytes)

    return [
        grpc.method_handlers_generic_handler(
            "plugin.GRPCController",
            {"Shutdown": handler(grpc.unary_unary_rpc_method_handler, shutdown)},
        ),
        grpc.method_handlers_generic_handler(
            "grpc.health.v1.Health", {"Check": handler(grpc.unary_unary_rpc_method_handler, health)}
        ),
        grpc.method_handlers_generic_handler(
            "plugin.GRPCStdio",
            {"StreamStdio": handler(grpc.unary_stream_rpc_method_handler, no_stream)},
        ),
        grpc.method_handlers_generic_handler(
            "plugin.GRPCBroker",
            {"StartStream": handler(grpc.stream_stream_rpc_method_handler, no_stream)},
        ),
    ]


def _server_certificate(workdir: str) -> tuple[bytes, str, str]:
    """A fresh self-signed certificate for "localhost": (DER, cert file, key file)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=True,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = os.path.join(workdir, "server.crt"), os.path.join(workdir, "server.key")
    with open(cert_file, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(os.open(key_file, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600), "wb") as f:
        f.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    return cert.public_bytes(serialization.Encoding.DER), cert_file, key_file


class _MutualTLSFront:
    """go-plugin's automatic mutual TLS in front of the plaintext gRPC socket.

    Why not grpcio's own TLS: Terraform's client certificate is ECDSA P-521
    (go-plugin makes it so), and the BoringSSL inside grpcio does not offer
    P-521 signatures when it asks for a client certificate, so Go sends none
    and the handshake fails (PEER_DID_NOT_RETURN_A_CERTIFICATE). Python's
    ``ssl`` (OpenSSL) verifies it; this front does the TLS (TLS 1.2+, client
    certificate required and checked against PLUGIN_CLIENT_CERT, ALPN h2) and
    relays the plaintext HTTP/2 to gRPC on a socket in the same private
    directory.
    """

    def __init__(
        self, listen: str, upstream: str, client_cert_pem: str, cert_file: str, key_file: str
    ) -> None:
        import ssl

        self.listen, self.upstream = listen, upstream
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.minimum_version = ssl.TLSVersion.TLSv1_2
        self.context.load_cert_chain(cert_file, key_file)
        self.context.verify_mode = ssl.CERT_REQUIRED
        self.context.load_verify_locations(cadata=client_cert_pem)
        self.context.set_alpn_protocols(["h2"])
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="mtls-front", daemon=True)

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(10.0) or self._error is not None:
            raise RuntimeError(f"the TLS front on {self.listen} did not start: {self._error}")

    def _run(self) -> None:
        import asyncio

        async def pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                writer.close()

        async def relay(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
            try:
                up_r, up_w = await asyncio.open_unix_connection(self.upstream)
            except OSError:
                client_w.close()
                return
            await asyncio.gather(pump(client_r, up_w), pump(up_r, client_w))

        async def main() -> None:
            server = await asyncio.start_unix_server(relay, self.listen, ssl=self.context)
            self._ready.set()
            async with server:
                await server.serve_forever()

        try:
            asyncio.run(main())
        except BaseException as exc:  # reported to start() or lost at exit
            self._error = exc
            self._ready.set()


def serve(provider_name: str) -> int:
    if os.environ.get(MAGIC_COOKIE_KEY) != MAGIC_COOKIE_VALUE:
        print(
            f"terraform-provider-{provider_name} (stand-in): this is a Terraform plugin; "
            "Terraform or OpenTofu starts it. Use scripts/offline-plan to run a plan with it.",
            file=sys.stderr,
        )
        return 1
    offered = os.environ.get("PLUGIN_PROTOCOL_VERSIONS", str(PROTOCOL_VERSION)).split(",")
    if str(PROTOCOL_VERSION) not in offered:
        print(
            f"terraform-provider-{provider_name} (stand-in): speaks plugin protocol "
            f"{PROTOCOL_VERSION}, the client offered {','.join(offered)}",
            file=sys.stderr,
        )
        return 1
    pinned = pinned_providers()
    if provider_name not in pinned:
        print(
            f"terraform-provider-{provider_name} (stand-in): not a pinned provider; "
            f"pyproject.toml [tool.tfbindgen] pins {', '.join(sorted(pinned))}",
            file=sys.stderr,
        )
        return 2
    pb, svc = load_protocol()
    provider = StandinProvider(load(pinned[provider_name]), pb)

    stop = threading.Event()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    svc.add_ProviderServicer_to_server(provider, server)
    server.add_generic_rpc_handlers(_plugin_services(stop))

    workdir = tempfile.mkdtemp(prefix="tfstandin-")
    socket_path = os.path.join(workdir, "plugin.sock")
    client_cert = os.environ.get("PLUGIN_CLIENT_CERT", "")
    if client_cert:
        grpc_socket = os.path.join(workdir, "grpc.sock")
        server.add_insecure_port(f"unix:{grpc_socket}")
        der, cert_file, key_file = _server_certificate(workdir)
        front = _MutualTLSFront(socket_path, grpc_socket, client_cert, cert_file, key_file)
        cert_field = base64.b64encode(der).decode().rstrip("=")  # go's RawStdEncoding
    else:
        # A client without automatic mTLS (go-plugin's "no client cert"): plaintext.
        server.add_insecure_port(f"unix:{socket_path}")
        front = None
        cert_field = ""
    # go-plugin forwards interrupts to the whole process group; Terraform
    # itself decides when a provider stops (as go-plugin servers do).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    server.start()
    if front is not None:
        front.start()
    try:
        print(f"1|{PROTOCOL_VERSION}|unix|{socket_path}|grpc|{cert_field}", flush=True)
        # Anything printed later would be read as plugin output: send it to stderr.
        sys.stdout = sys.stderr
        parent = os.getppid()
        # Exit on Shutdown, or when Terraform is gone without saying so.
        while not stop.wait(1.0):
            if os.getppid() != parent:
                break
    finally:
        server.stop(grace=0.5).wait(2.0)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0
