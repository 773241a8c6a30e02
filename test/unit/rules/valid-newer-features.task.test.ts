/**
 * Realistic, valid task definitions (and tagged services) that use the newer features the task-definition rules
 * look at: port ranges, EBS volumes configured at launch, Windows on Fargate, Managed Instances with Neuron
 * devices and shared GPUs, ECS Anywhere, FireLens, App Mesh, S3 Files, gMSA credential specs, sysctls. Each must
 * lint without errors and without warnings: a false report here teaches people to ignore the tool.
 */
import assert from 'node:assert/strict';
import { lintJson } from '../helpers';

type Obj = Record<string, unknown>;

const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const DIGEST = 'sha256:' + '0123456789abcdef'.repeat(4);

function awslogs(prefix: string, extra: Obj = {}): Obj {
  return { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${prefix}`, 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': prefix, ...extra } };
}

const documents: Record<string, Obj> = {
  'Fargate ARM64 with port ranges, an EBS volume configured at launch, an init container and shared sysctls': {
    family: 'media-relay',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '2 vCPU',
    memory: '8 GB',
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
    executionRoleArn: EXECUTION_ROLE,
    taskRoleArn: 'arn:aws:iam::123456789012:role/media-relay',
    pidMode: 'task',
    ephemeralStorage: { sizeInGiB: 40 },
    volumes: [{ name: 'recordings', configuredAtLaunch: true }, { name: 'scratch' }],
    containerDefinitions: [
      {
        name: 'migrate',
        image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/media-relay-migrate@${DIGEST}`,
        essential: false,
        command: ['./migrate', '--apply'],
        logConfiguration: awslogs('migrate'),
      },
      {
        name: 'relay',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/media-relay:2.4.1',
        essential: true,
        user: '1000:1000',
        portMappings: [
          { name: 'http', containerPort: 8080, protocol: 'tcp', appProtocol: 'http' },
          { containerPortRange: '10000-10999', protocol: 'udp' },
          { containerPortRange: '11000-11099', protocol: 'tcp' },
        ],
        mountPoints: [{ sourceVolume: 'recordings', containerPath: '/var/lib/recordings' }, { sourceVolume: 'scratch', containerPath: '/tmp/scratch' }],
        linuxParameters: { initProcessEnabled: true, capabilities: { drop: ['ALL'], add: ['SYS_PTRACE'] } },
        systemControls: [{ namespace: 'net.core.somaxconn', value: '4096' }, { namespace: 'net.ipv4.tcp_keepalive_time', value: '120' }],
        healthCheck: { command: ['CMD-SHELL', 'curl -fsS http://localhost:8080/healthz || exit 1'], interval: 15, timeout: 5, retries: 3, startPeriod: 30 },
        dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }],
        restartPolicy: { enabled: true, ignoredExitCodes: [0], restartAttemptPeriod: 300 },
        logConfiguration: awslogs('relay', { mode: 'non-blocking', 'max-buffer-size': '25m', 'awslogs-create-group': 'true' }),
      },
      {
        name: 'metrics',
        image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0',
        essential: false,
        systemControls: [{ namespace: 'net.core.somaxconn', value: '4096' }],
        logConfiguration: awslogs('metrics'),
      },
    ],
    tags: [{ key: 'team', value: 'media' }, { key: 'cost-center', value: 'R+D/42' }],
  },

  'EC2 bridge mode: a dynamic port range, shared Docker volume, tmpfs, swap, AppArmor and a private registry': {
    family: 'batch-worker',
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    executionRoleArn: EXECUTION_ROLE,
    volumes: [{ name: 'cache', dockerVolumeConfiguration: { scope: 'shared', autoprovision: true, driver: 'local', labels: { app: 'batch' } } }],
    placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ c7g.*' }],
    containerDefinitions: [
      {
        name: 'worker',
        image: 'registry.example.com/batch/worker:5.2.0',
        essential: true,
        cpu: 1024,
        memory: 2048,
        memoryReservation: 1024,
        repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-AbCdEf' },
        portMappings: [{ containerPort: 9000, hostPort: 0 }, { containerPortRange: '20000-20100' }, { containerPort: 9100, hostPort: 9100 }],
        mountPoints: [{ sourceVolume: 'cache', containerPath: '/cache' }],
        dockerSecurityOptions: ['no-new-privileges', 'apparmor:docker-default'],
        linuxParameters: {
          maxSwap: 1024,
          swappiness: 10,
          sharedMemorySize: 256,
          tmpfs: [{ containerPath: '/run', size: 64, mountOptions: ['rw', 'noexec', 'nosuid', 'mode=1777'] }],
          capabilities: { add: ['NET_ADMIN', 'CAP_NET_RAW'] },
        },
        ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
        logConfiguration: awslogs('batch-worker', { 'awslogs-datetime-format': '%Y-%m-%d %H:%M:%S' }),
      },
    ],
  },

  'Windows on Fargate at 4 vCPU': {
    family: 'iis-frontend',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '4096',
    memory: '16384',
    runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
    executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [
      {
        name: 'iis',
        image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        logConfiguration: awslogs('iis'),
      },
    ],
  },

  'Windows on EC2 with FSx for Windows File Server and a domainless gMSA credential spec': {
    family: 'dotnet-legacy',
    requiresCompatibilities: ['EC2'],
    runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL', cpuArchitecture: 'X86_64' },
    executionRoleArn: EXECUTION_ROLE,
    volumes: [
      {
        name: 'share',
        fsxWindowsFileServerVolumeConfiguration: {
          fileSystemId: 'fs-0123456789abcdef0',
          rootDirectory: 'share',
          authorizationConfig: { credentialsParameter: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:fsx-AbCdEf', domain: 'corp.example.com' },
        },
      },
    ],
    containerDefinitions: [
      {
        name: 'app',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/dotnet-legacy:4.8.1',
        essential: true,
        cpu: 2048,
        memory: 4096,
        portMappings: [{ containerPort: 80, hostPort: 8080 }],
        credentialSpecs: ['credentialspecdomainless:arn:aws:ssm:eu-west-1:123456789012:parameter/gmsa/dotnet-legacy'],
        mountPoints: [{ sourceVolume: 'share', containerPath: 'C:\\share' }],
        logConfiguration: awslogs('dotnet-legacy'),
      },
    ],
  },

  'Managed Instances with Neuron devices in one container': {
    family: 'inferentia-serve',
    requiresCompatibilities: ['MANAGED_INSTANCES'],
    networkMode: 'awsvpc',
    cpu: '8192',
    memory: '32768',
    executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [
      {
        name: 'model',
        image: 'public.ecr.aws/neuron/pytorch-inference-neuronx:2.1.2-neuronx-py310-sdk2.20.0-ubuntu20.04',
        essential: true,
        portMappings: [{ containerPort: 8080 }],
        resourceRequirements: [{ type: 'NeuronDevice', value: 'ALL' }],
        logConfiguration: { logDriver: 'json-file', options: { 'max-size': '10m' } },
      },
      {
        name: 'proxy',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        essential: false,
        portMappings: [{ containerPort: 80 }],
        dependsOn: [{ containerName: 'model', condition: 'START' }],
        logConfiguration: awslogs('inferentia-proxy'),
      },
    ],
  },

  'EC2 GPU sharing (MPS) in two containers': {
    family: 'gpu-share',
    requiresCompatibilities: ['EC2', 'MANAGED_INSTANCES'],
    networkMode: 'awsvpc',
    cpu: '4096',
    memory: '16384',
    containerDefinitions: ['a', 'b'].map((n) => ({
      name: `trainer-${n}`,
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/trainer:1.3.0',
      essential: true,
      resourceRequirements: [{ type: 'GPU', sharingStrategy: { nvidiaMps: { memory: 8192, maxComputePercent: 50 } } }],
    })),
  },

  'ECS Anywhere on bridge networking with a whole GPU': {
    family: 'edge-inference',
    requiresCompatibilities: ['EXTERNAL'],
    networkMode: 'bridge',
    executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [
      {
        name: 'detector',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/detector:0.9.2',
        essential: true,
        memory: 3072,
        portMappings: [{ containerPort: 8500, hostPort: 8500 }],
        resourceRequirements: [{ type: 'GPU', value: '1' }],
        dockerSecurityOptions: ['no-new-privileges:true'],
        logConfiguration: awslogs('edge-inference'),
      },
    ],
  },

  'FireLens on Fargate with a configuration file in the image': {
    family: 'firelens-app',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '512',
    memory: '1024',
    executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [
      {
        name: 'log_router',
        image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2',
        essential: true,
        firelensConfiguration: { type: 'fluentbit', options: { 'enable-ecs-log-metadata': 'true', 'config-file-type': 'file', 'config-file-value': '/fluent-bit/etc/extra.conf' } },
        logConfiguration: awslogs('firelens'),
      },
      {
        name: 'app',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        essential: true,
        portMappings: [{ containerPort: 80 }],
        logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch_logs', region: 'eu-west-1', log_group_name: '/ecs/app', log_stream_prefix: 'app-' } },
      },
    ],
  },

  'App Mesh on awsvpc with S3 Files through an access point and IPC sysctls shared by the task': {
    family: 'mesh-reports',
    requiresCompatibilities: ['EC2'],
    networkMode: 'awsvpc',
    ipcMode: 'task',
    cpu: '1024',
    memory: '2048',
    executionRoleArn: EXECUTION_ROLE,
    proxyConfiguration: {
      type: 'APPMESH',
      containerName: 'envoy',
      properties: [
        { name: 'IgnoredUID', value: '1337' },
        { name: 'IgnoredGID', value: '' },
        { name: 'AppPorts', value: '8080' },
        { name: 'ProxyIngressPort', value: '15000' },
        { name: 'ProxyEgressPort', value: '15001' },
        { name: 'EgressIgnoredPorts', value: '' },
        { name: 'EgressIgnoredIPs', value: '169.254.170.2,169.254.169.254' },
      ],
    },
    volumes: [
      {
        name: 'reports',
        s3filesVolumeConfiguration: {
          fileSystemArn: 'arn:aws:s3files:eu-west-1:123456789012:file-system/fs-0123456789abcdef0',
          accessPointArn: 'arn:aws:s3files:eu-west-1:123456789012:access-point/fsap-0123456789abcdef0',
          rootDirectory: '/',
        },
      },
    ],
    containerDefinitions: [
      {
        name: 'app',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/reports:3.0.0',
        essential: true,
        memoryReservation: 512,
        portMappings: [{ containerPort: 8080 }],
        mountPoints: [{ sourceVolume: 'reports', containerPath: '/data/reports', readOnly: true }],
        systemControls: [{ namespace: 'kernel.shmmax', value: '68719476736' }],
        dependsOn: [{ containerName: 'envoy', condition: 'HEALTHY' }],
        logConfiguration: awslogs('reports'),
      },
      {
        name: 'envoy',
        image: '840364872350.dkr.ecr.eu-west-1.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod',
        essential: true,
        user: '1337',
        memoryReservation: 256,
        systemControls: [{ namespace: 'kernel.shmmax', value: '68719476736' }],
        healthCheck: { command: ['CMD-SHELL', 'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE'], interval: 5, timeout: 2, retries: 3, startPeriod: 10 },
        logConfiguration: awslogs('envoy'),
      },
    ],
  },
};

/** Service definitions with tags, checked by the tag rules the task definitions share. */
const services: Record<string, Obj> = {
  'a Fargate service with tags that propagate': {
    serviceName: 'media-relay',
    cluster: 'prod',
    taskDefinition: 'media-relay:12',
    desiredCount: 3,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroups: ['sg-0a1b2c3d4e5f60718'] } },
    enableECSManagedTags: true,
    propagateTags: 'SERVICE',
    tags: [{ key: 'team', value: 'media' }, { key: 'service:tier', value: 'edge @ eu-west-1' }, { key: 'Équipe', value: 'Médias' }],
  },
};

/** Warnings a valid document still gets, on purpose: App Mesh is valid input, but discontinued. */
const expectedWarnings: Record<string, string[]> = {
  'App Mesh on awsvpc with S3 Files through an access point and IPC sysctls shared by the task': ['proxy-app-mesh-discontinued'],
};

describe('valid documents with newer features: task definitions', () => {
  for (const [name, doc] of Object.entries({ ...documents, ...services })) {
    const expected = expectedWarnings[name] ?? [];
    it(`${name}: no errors, ${expected.length ? `only the warnings ${expected.join(', ')}` : 'no warnings'}`, () => {
      const found = lintJson(doc).filter((d) => d.severity === 'error' || (d.severity === 'warning' && !expected.includes(d.code)));
      assert.deepEqual(found.map((d) => `${d.code}: ${d.message}`), []);
      assert.deepEqual(lintJson(doc).filter((d) => d.severity === 'warning').map((d) => d.code), expected);
    });
  }
});
