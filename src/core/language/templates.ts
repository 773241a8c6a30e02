/**
 * Whole objects that completion inserts where an item or a member of that shape belongs: a container, a port
 * mapping, a log configuration, ... Each is a snippet body (tab stops, choices) that lints clean with its
 * defaults once inserted; a unit test inserts every one and checks that.
 */

export interface Template {
  /** Where it applies: `TD:` or `SVC:` and the path pattern of the value it fills (knowledge notation). */
  at: string;
  label: string;
  detail: string;
  /** Snippet text, indented with tabs (the editor re-indents). */
  body: string;
}

export const TEMPLATES: readonly Template[] = [
  {
    at: 'TD:containerDefinitions[]',
    label: 'New container',
    detail: 'A container with an image, a port, awslogs logging and a health check',
    body: [
      '{',
      '\t"name": "${1:app}",',
      '\t"image": "${2:public.ecr.aws/nginx/nginx:1.27}",',
      '\t"essential": true,',
      '\t"portMappings": [{ "containerPort": ${3:8080}, "protocol": "tcp", "name": "${4:http}" }],',
      '\t"logConfiguration": {',
      '\t\t"logDriver": "awslogs",',
      '\t\t"options": { "awslogs-group": "${5:/ecs/web}", "awslogs-region": "${6:us-east-1}", "awslogs-stream-prefix": "${1:app}" }',
      '\t},',
      '\t"healthCheck": { "command": ["CMD-SHELL", "${7:curl -f http://localhost:8080/health || exit 1}"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 10 }',
      '}',
    ].join('\n'),
  },
  {
    at: 'TD:containerDefinitions[].portMappings[]',
    label: 'New port mapping',
    detail: 'A TCP port with a name (for Service Connect) and an application protocol',
    body: '{ "containerPort": ${1:8080}, "protocol": "${2|tcp,udp|}", "name": "${3:http}", "appProtocol": "${4|http,http2,grpc|}" }',
  },
  {
    at: 'TD:containerDefinitions[].logConfiguration',
    label: 'awslogs log configuration',
    detail: 'Send the container\'s output to CloudWatch Logs',
    body: [
      '{',
      '\t"logDriver": "awslogs",',
      '\t"options": {',
      '\t\t"awslogs-group": "${1:/ecs/web}",',
      '\t\t"awslogs-region": "${2:us-east-1}",',
      '\t\t"awslogs-stream-prefix": "${3:app}",',
      '\t\t"awslogs-create-group": "${4|true,false|}",',
      '\t\t"mode": "${5|non-blocking,blocking|}"',
      '\t}',
      '}',
    ].join('\n'),
  },
  {
    at: 'TD:containerDefinitions[].healthCheck',
    label: 'Health check',
    detail: 'A shell command run inside the container every 30 seconds',
    body: '{ "command": ["CMD-SHELL", "${1:curl -f http://localhost:8080/health || exit 1}"], "interval": ${2:30}, "timeout": ${3:5}, "retries": ${4:3}, "startPeriod": ${5:10} }',
  },
  {
    at: 'TD:containerDefinitions[].secrets[]',
    label: 'Secret from Secrets Manager',
    detail: 'An environment variable filled from a Secrets Manager secret (one JSON key)',
    body: '{ "name": "${1:DB_PASSWORD}", "valueFrom": "arn:aws:secretsmanager:${2:us-east-1}:${3:123456789012}:secret:${4:prod/db}:${5:password}::" }',
  },
  {
    at: 'TD:containerDefinitions[].secrets[]',
    label: 'Secret from Parameter Store',
    detail: 'An environment variable filled from a SecureString parameter',
    body: '{ "name": "${1:API_KEY}", "valueFrom": "arn:aws:ssm:${2:us-east-1}:${3:123456789012}:parameter/${4:prod/api-key}" }',
  },
  {
    at: 'TD:containerDefinitions[].environment[]',
    label: 'Environment variable',
    detail: 'A plain name and value (use secrets for anything sensitive)',
    body: '{ "name": "${1:LOG_LEVEL}", "value": "${2:info}" }',
  },
  {
    at: 'TD:containerDefinitions[].dependsOn[]',
    label: 'Container dependency',
    detail: 'Start after another container reaches a condition',
    body: '{ "containerName": "${1:init}", "condition": "${2|SUCCESS,COMPLETE,START,HEALTHY|}" }',
  },
  {
    at: 'TD:containerDefinitions[].mountPoints[]',
    label: 'Mount point',
    detail: 'Mount one of the task\'s volumes into this container',
    body: '{ "sourceVolume": "${1:data}", "containerPath": "${2:/data}", "readOnly": ${3|false,true|} }',
  },
  {
    at: 'TD:volumes[]',
    label: 'EFS volume',
    detail: 'An Amazon EFS file system with encryption in transit and IAM authorization',
    body: [
      '{',
      '\t"name": "${1:data}",',
      '\t"efsVolumeConfiguration": {',
      '\t\t"fileSystemId": "${2:fs-0123456789abcdef0}",',
      '\t\t"transitEncryption": "ENABLED",',
      '\t\t"authorizationConfig": { "accessPointId": "${3:fsap-0123456789abcdef0}", "iam": "ENABLED" }',
      '\t}',
      '}',
    ].join('\n'),
  },
  {
    at: 'TD:volumes[]',
    label: 'Task storage volume',
    detail: 'Scratch space shared by the task\'s containers, gone when the task stops',
    body: '{ "name": "${1:scratch}" }',
  },
  {
    at: 'TD:runtimePlatform',
    label: 'Runtime platform',
    detail: 'CPU architecture and operating system',
    body: '{ "cpuArchitecture": "${1|X86_64,ARM64|}", "operatingSystemFamily": "LINUX" }',
  },
  {
    at: 'SVC:loadBalancers[]',
    label: 'Load balancer target group',
    detail: 'Register one container port in an ALB or NLB target group',
    body: '{ "targetGroupArn": "arn:aws:elasticloadbalancing:${1:us-east-1}:${2:123456789012}:targetgroup/${3:web}/${4:0123456789abcdef}", "containerName": "${5:app}", "containerPort": ${6:8080} }',
  },
  {
    at: 'SVC:deploymentConfiguration',
    label: 'Rolling deployment with circuit breaker',
    detail: 'Replace tasks in batches; roll back automatically when new tasks keep failing',
    body: [
      '{',
      '\t"minimumHealthyPercent": ${1:100},',
      '\t"maximumPercent": ${2:200},',
      '\t"deploymentCircuitBreaker": { "enable": true, "rollback": true }',
      '}',
    ].join('\n'),
  },
  {
    at: 'SVC:networkConfiguration',
    label: 'awsvpc network configuration',
    detail: 'Subnets and security groups for the tasks\' network interfaces',
    body: [
      '{',
      '\t"awsvpcConfiguration": {',
      '\t\t"subnets": ["${1:subnet-0123456789abcdef0}", "${2:subnet-0fedcba9876543210}"],',
      '\t\t"securityGroups": ["${3:sg-0123456789abcdef0}"],',
      '\t\t"assignPublicIp": "${4|DISABLED,ENABLED|}"',
      '\t}',
      '}',
    ].join('\n'),
  },
  {
    at: 'SVC:capacityProviderStrategy[]',
    label: 'Capacity provider',
    detail: 'A share of the tasks on FARGATE or FARGATE_SPOT',
    body: '{ "capacityProvider": "${1|FARGATE,FARGATE_SPOT|}", "weight": ${2:1} }',
  },
];
