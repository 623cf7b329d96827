/** The message JSON of the tenant contract (briefs/tenant-contract.md), as helper S serves it. */
export interface Address {
  name: string;
  address: string;
}
export type Attachment =
  | { name: string; contentType: string; file: string }
  | { name: string; message: string }
  | { name: string; reference: string };

export interface MessageJson {
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
  receivedDateTime: string;
  body: { contentType: 'html' | 'text'; content: string };
  attachments: Attachment[];
}
