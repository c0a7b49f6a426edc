// How a web UI calls the platform: one base URL (the gateway), one typed client generated from the gateway's combined
// OpenAPI document. A changed field name, a removed path or a new required field in a service's API fails
// `tsc --noEmit` here, in the build (GatewayTypeScriptClientIT), before a UI would meet it.
//   npx openapi-typescript http://localhost:8080/v3/api-docs/combined -o generated/platform-api.d.ts
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/platform-api";

type Invoice = components["schemas"]["InvoiceView"];

export function platformClient(gateway: string, token: string) {
  return createClient<paths>({ baseUrl: gateway, headers: { Authorization: `Bearer ${token}` } });
}

/** A draft invoice for one client, one line at 20 % VAT. */
export async function createInvoice(api: ReturnType<typeof platformClient>, clientId: string): Promise<Invoice> {
  const today = new Date().toISOString().slice(0, 10);
  const { data, response } = await api.POST("/api/invoices", {
    body: {
      clientId,
      kind: "INVOICE",
      issueDate: today,
      taxEventDate: today,
      dueDate: today,
      currency: "EUR",
      paymentMethod: "Bank transfer",
      lines: [{ description: "Website support", quantity: 1, unit: "month", unitPrice: 120, vatRate: 20 }],
    },
  });
  if (!data) {
    throw await problem(response);
  }
  return data;
}

/** Sends several issued invoices at once; the same key again answers with the same sends. */
export async function sendAll(api: ReturnType<typeof platformClient>, invoiceIds: string[], key: string) {
  const { data, response } = await api.POST("/api/sends", {
    params: { header: { "Idempotency-Key": key } },
    body: { invoices: invoiceIds.map((invoiceId) => ({ invoiceId })) },
  });
  if (!data) {
    throw await problem(response);
  }
  return (data.sends ?? []).map((send) => send.sendId);
}

/** What happened to one send, step by step: the timeline a UI shows. */
export async function timeline(api: ReturnType<typeof platformClient>, sendId: string): Promise<string[]> {
  const { data, response } = await api.GET("/api/sends/{sendId}", { params: { path: { sendId } } });
  if (!data) {
    throw await problem(response);
  }
  return (data.timeline ?? []).map((step) => `${step.at} ${step.step}${step.detail ? `: ${step.detail}` : ""}`);
}

/** Operations: one service's dead letters, at the gateway's per-service path. */
export async function deadLetters(api: ReturnType<typeof platformClient>) {
  const { data } = await api.GET("/api/operations/mail-dispatch/dead-letters");
  return data;
}

/** Every refusal is an RFC 9457 problem (application/problem+json): its title and detail are for people. */
async function problem(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
  return new Error(`HTTP ${response.status} ${body.title ?? ""}: ${body.detail ?? ""}`);
}
