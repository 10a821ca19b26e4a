// The cloud-config modules people write most, as cloud-init's own JSON schema describes them
// (cloudinit/config/schemas/schema-cloud-config-v1.json). Only these are checked in depth; the other modules
// cloud-init knows are accepted as they are, and a key cloud-init does not know is reported with the closest name.
import { z } from 'zod';

/**
 * What a value should have been, for the message: zod names the JSON type it expected ("array", "object"...),
 * unions and enums carry one of these as their error so the message can say "a string or a list of strings".
 */
export type Expectation =
  | 'string'
  | 'boolean'
  | 'number'
  | 'list'
  | 'mapping'
  | 'stringOrList'
  | 'command'
  | 'packageEntry'
  | 'userEntry'
  | 'mountEntry'
  | 'booleanOrString';

const expect = (expectation: Expectation) => ({ error: expectation });

const stringOrStringList = z.union([z.string(), z.array(z.string())], expect('stringOrList'));
/** runcmd/bootcmd items: a shell line, or an argv run without a shell. */
const command = z.union([z.string(), z.array(z.string())], expect('command'));

const user = z.union(
  [
    z.string(),
    z.looseObject({
      name: z.string(),
      gecos: z.string().optional(),
      groups: z.union([z.string(), z.array(z.string()), z.record(z.string(), z.unknown())], expect('stringOrList')).optional(),
      primary_group: z.string().optional(),
      sudo: z.union([z.string(), z.array(z.string()), z.boolean(), z.null()], expect('stringOrList')).optional(),
      shell: z.string().optional(),
      homedir: z.string().optional(),
      lock_passwd: z.boolean().optional(),
      passwd: z.string().optional(),
      hashed_passwd: z.string().optional(),
      plain_text_passwd: z.string().optional(),
      ssh_authorized_keys: z.array(z.string()).optional(),
      ssh_import_id: z.array(z.string()).optional(),
      system: z.boolean().optional(),
      no_create_home: z.boolean().optional(),
      create_groups: z.boolean().optional(),
      uid: z.union([z.number().int(), z.string()], expect('number')).optional(),
      expiredate: z.string().optional(),
      inactive: z.string().optional(),
    }),
  ],
  expect('userEntry'),
);

const packageEntry = z.union(
  [z.string(), z.tuple([z.string(), z.string()]), z.record(z.string(), z.array(z.union([z.string(), z.array(z.string())])))],
  expect('packageEntry'),
);

const writeFile = z.strictObject({
  path: z.string(),
  content: z.string().optional(),
  source: z.looseObject({ uri: z.string(), headers: z.record(z.string(), z.string()).optional() }).optional(),
  owner: z.string().optional(),
  // YAML reads an unquoted 0644 as a number; cloud-init wants the octal text.
  permissions: z.string({ error: 'permissionsAsText' }).optional(),
  encoding: z
    .enum(['gz', 'gzip', 'gz+base64', 'gzip+base64', 'gz+b64', 'gzip+b64', 'b64', 'base64', 'text/plain'])
    .optional(),
  append: z.boolean().optional(),
  defer: z.boolean().optional(),
});

const chpasswd = z.strictObject({
  expire: z.boolean().optional(),
  users: z
    .array(
      z.strictObject({
        name: z.string(),
        password: z.string().optional(),
        type: z.enum(['hash', 'RANDOM', 'text']).optional(),
      }),
    )
    .optional(),
  list: stringOrStringList.optional(),
});

export const cloudConfigSchema = z.looseObject({
  users: z.union([z.string(), z.array(user), z.record(z.string(), z.unknown())], expect('list')).optional(),
  groups: z.union([z.string(), z.array(z.union([z.string(), z.record(z.string(), z.unknown())])), z.record(z.string(), z.unknown())], expect('stringOrList')).optional(),
  ssh_authorized_keys: z.array(z.string()).optional(),
  ssh_pwauth: z.union([z.boolean(), z.string()], expect('booleanOrString')).optional(),
  disable_root: z.boolean().optional(),
  packages: z.array(packageEntry).optional(),
  package_update: z.boolean().optional(),
  package_upgrade: z.boolean().optional(),
  package_reboot_if_required: z.boolean().optional(),
  write_files: z.array(writeFile).optional(),
  runcmd: z.array(command).optional(),
  bootcmd: z.array(command).optional(),
  mounts: z.array(z.array(z.union([z.string(), z.number(), z.null()]), expect('mountEntry'))).optional(),
  hostname: z.string().optional(),
  fqdn: z.string().optional(),
  preserve_hostname: z.boolean().optional(),
  prefer_fqdn_over_hostname: z.boolean().optional(),
  manage_etc_hosts: z.union([z.boolean(), z.enum(['localhost', 'template'])], expect('booleanOrString')).optional(),
  timezone: z.string().optional(),
  locale: z.union([z.string(), z.boolean()], expect('booleanOrString')).optional(),
  chpasswd: chpasswd.optional(),
  password: z.string().optional(),
  final_message: z.string().optional(),
  resize_rootfs: z.union([z.boolean(), z.literal('noblock')], expect('booleanOrString')).optional(),
  power_state: z
    .looseObject({
      mode: z.enum(['poweroff', 'reboot', 'halt']),
      delay: z.union([z.number().int(), z.string()], expect('number')).optional(),
      message: z.string().optional(),
      timeout: z.number().optional(),
      condition: z.union([z.string(), z.boolean(), z.array(z.string())], expect('command')).optional(),
    })
    .optional(),
});

/** Every top-level key cloud-init's schema knows (the checked ones above and the others). */
export const knownCloudConfigKeys: ReadonlySet<string> = new Set([
  ...Object.keys(cloudConfigSchema.shape),
  'ansible', 'apk_repos', 'apt', 'apt_pipelining', 'apt_reboot_if_required', 'apt_update', 'apt_upgrade',
  'autoinstall', 'byobu_by_default', 'ca_certs', 'ca-certs', 'chef', 'cloud_config_modules', 'cloud_final_modules',
  'cloud_init_modules', 'create_hostname_file', 'datasource', 'device_aliases', 'disable_ec2_metadata',
  'disable_root_opts', 'disk_setup', 'drivers', 'fan', 'fs_setup', 'growpart', 'keyboard', 'landscape',
  'locale_configfile', 'lxd', 'manual_cache_clean', 'mcollective', 'merge_how', 'merge_type', 'mount_default_fields',
  'no_ssh_fingerprints', 'ntp', 'output', 'phone_home', 'puppet', 'random_seed', 'reporting', 'resolv_conf',
  'rh_subscription', 'rsyslog', 'salt_minion', 'seed_random', 'snap', 'spacewalk', 'ssh', 'ssh_deletekeys',
  'ssh_fp_console_blacklist', 'ssh_genkeytypes', 'ssh_import_id', 'ssh_key_console_blacklist', 'ssh_keys',
  'ssh_publish_hostkeys', 'ssh_quiet_keygen', 'swap', 'system_info', 'ubuntu_advantage', 'ubuntu_pro', 'updates',
  'user', 'vendor_data', 'wireguard', 'yum_repo_dir', 'yum_repos', 'zypper', 'allow_public_ssh_keys',
]);
