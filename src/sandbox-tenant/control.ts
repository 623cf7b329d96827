import type { SandboxContext } from './context.ts';
import type { ScriptSpec, Scripts } from './http/scripts.ts';
import { addItem, changeContent, deleteItem, ensureFolder, itemByPath, liveItem, moveItem } from './state/drives.ts';
import { addMessage, deleteMessage, ensureMailFolder, messageById, moveMessage, updateMessage } from './state/mail.ts';
import type { AttachmentSpec, Drive, DriveItem, MailContent, Mailbox } from './state/model.ts';
import type { SandboxSignIn, SignInFault } from './routes/signin.ts';
import type { StatsRecorder } from './throttle/stats.ts';
import type { Throttle } from './throttle/throttle.ts';

/** Test-only mutations and fault injection (sandbox item 10); the same functions back POST /_sandbox/{name}. */
export interface ItemRef {
  drive: string;
  /** An item id, or a path below the drive root ("Contracten/x.docx"). */
  item: string;
}

export interface NewMessageSpec {
  user: string;
  folder: string;
  subject: string;
  body?: { contentType?: 'html' | 'text'; content: string };
  from?: { name?: string; address: string };
  to?: { name?: string; address: string }[];
  receivedDateTime?: string;
  attachments?: { name: string; contentType?: string; content: string | Buffer }[];
}

export function createControl(context: SandboxContext, scripts: Scripts, stats: StatsRecorder, throttle: Throttle, signIn: SandboxSignIn) {
  const tenant = context.tenant;
  let added = 0;
  const drive = (id: string): Drive => {
    const d = tenant.drives.get(id);
    if (!d) throw new ControlError(`no drive ${id}`);
    return d;
  };
  const item = (ref: ItemRef): { d: Drive; it: DriveItem } => {
    const d = drive(ref.drive);
    const it = liveItem(d, ref.item) ?? itemByPath(d, ref.item);
    if (!it || it.deleted) throw new ControlError(`no item ${ref.item}`);
    return { d, it };
  };
  const mailbox = (user: string): Mailbox => {
    const u = tenant.users.find((x) => x.id === user || x.userPrincipalName.toLowerCase() === user.toLowerCase());
    const mb = u ? tenant.mailboxes.get(u.id) : undefined;
    if (!mb) throw new ControlError(`no mailbox for ${user}`);
    return mb;
  };
  const message = (user: string, id: string) => {
    const mb = mailbox(user);
    const m = messageById(mb, id);
    if (!m) throw new ControlError(`no message ${id}`);
    return { mb, m };
  };
  const bytes = (content: string | Buffer) => (typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
  return {
    /** Drives with their ids, to address files: [{id, name, siteId, ownerUserId}]. */
    drives: () => [...tenant.drives.values()].map((d) => ({ id: d.id, name: d.name, driveType: d.driveType, siteId: d.siteId, ownerUserId: d.ownerUserId ?? null })),
    itemId: (ref: ItemRef): string => item(ref).it.id,
    addFile({ drive: driveId, path, content }: { drive: string; path: string; content: string | Buffer }): { id: string } {
      const d = drive(driveId);
      const segments = path.split('/').filter(Boolean);
      if (!segments.length) throw new ControlError('a file needs a path');
      if (itemByPath(d, path)) throw new ControlError(`${path} exists already`);
      const body = bytes(content);
      const parent = ensureFolder(d, segments.slice(0, -1), context.now());
      return { id: addItem(d, { parentId: parent.id, name: segments.at(-1)!, content: () => body, at: context.now() }).id };
    },
    changeFile(ref: ItemRef & { content: string | Buffer }): void {
      const { d, it } = item(ref);
      const body = bytes(ref.content);
      changeContent(d, it, () => body, context.now());
    },
    moveFile(ref: ItemRef & { to: string; name?: string }): void {
      const { d, it } = item(ref);
      const parent = ensureFolder(d, ref.to.split('/').filter(Boolean), context.now());
      moveItem(d, it, parent.id, ref.name ?? it.name, context.now());
    },
    deleteFile(ref: ItemRef): void {
      const { d, it } = item(ref);
      deleteItem(d, it, context.now());
    },
    lockItem(ref: ItemRef & { locked?: boolean }): void {
      item(ref).it.locked = ref.locked ?? true;
    },
    addMessage(spec: NewMessageSpec): { id: string } {
      const mb = mailbox(spec.user);
      const received = spec.receivedDateTime ?? context.now();
      const attachments: AttachmentSpec[] = (spec.attachments ?? []).map((a) => {
        const b = bytes(a.content);
        return { kind: 'file', name: a.name, contentType: a.contentType ?? 'application/octet-stream', bytes: () => b };
      });
      const content: MailContent = {
        subject: spec.subject, to: spec.to ?? [], cc: [], receivedDateTime: received, attachments,
        body: { contentType: spec.body?.contentType ?? 'text', content: spec.body?.content ?? '' },
      };
      if (spec.from) content.from = spec.from;
      const m = addMessage(mb, ensureMailFolder(mb, spec.folder), { key: `control/${++added}/${received}`, load: () => content, receivedDateTime: received, at: context.now(), domain: tenant.domain });
      return { id: m.immutableId };
    },
    changeMessage({ user, message: id, subject, body }: { user: string; message: string; subject?: string; body?: string }): void {
      const { mb, m } = message(user, id);
      const before = m.load;
      m.load = () => {
        const c = before();
        return { ...c, subject: subject ?? c.subject, body: body === undefined ? c.body : { ...c.body, content: body } };
      };
      updateMessage(mb, m, context.now());
    },
    moveMessage({ user, message: id, folder }: { user: string; message: string; folder: string }): void {
      const { mb, m } = message(user, id);
      moveMessage(mb, m, ensureMailFolder(mb, folder), context.now());
    },
    deleteMessage({ user, message: id }: { user: string; message: string }): void {
      const { mb, m } = message(user, id);
      deleteMessage(mb, m);
    },
    /** Expires delta tokens: of one drive, one mailbox (all folders, or one), or everything when no target is given. */
    expireDeltaTokens(target: { drive?: string; user?: string; folder?: string; mode?: 'syncStateNotFound' | 'resync' } = {}): void {
      if (target.drive) drive(target.drive).tokenEpoch++;
      if (target.user) {
        const mb = mailbox(target.user);
        if (target.mode) mb.expiryMode = target.mode;
        if (target.folder) {
          const f = ensureMailFolder(mb, target.folder);
          f.tokenEpoch++;
        } else mb.tokenEpoch++;
      }
      if (!target.drive && !target.user) {
        for (const d of tenant.drives.values()) d.tokenEpoch++;
        for (const mb of tenant.mailboxes.values()) {
          if (target.mode) mb.expiryMode = target.mode;
          mb.tokenEpoch++;
        }
      }
    },
    script(spec: ScriptSpec): void {
      scripts.add(spec);
    },
    clearScripts: () => scripts.clear(),
    /** Replaces a user's app roles (an administrator changing the assignment in Entra ID); next sign-in shows it. */
    assignAppRoles({ user, roles }: { user: string; roles: string[] }): void {
      const u = tenant.users.find((x) => x.id === user || x.userPrincipalName.toLowerCase() === user.toLowerCase());
      if (!u) throw new ControlError(`no user ${user}`);
      if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')) throw new ControlError('roles must be a list of app role values');
      u.appRoles = [...roles];
    },
    /** The next id token issued is wrong in this way (signature, audience, nonce, issuer, expired). */
    signInFault({ kind }: { kind: SignInFault }): void {
      if (!['signature', 'audience', 'nonce', 'issuer', 'expired'].includes(kind)) throw new ControlError(`no sign-in fault ${String(kind)}`);
      signIn.fault(kind);
    },
    resetStats(): void {
      stats.reset();
      throttle.reset();
    },
  };
}

export class ControlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControlError';
  }
}

export type SandboxControl = ReturnType<typeof createControl>;
