/** Files the register, diff and deploy tests send to the local endpoint. */

/** A Fargate task definition as people write it: JSONC, units, defaults left out, tags. */
export const WEB_JSONC = `// The storefront
{
  "family": "web",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "0.5 vCPU",
  "memory": "1 GB",
  "taskRoleArn": "arn:aws:iam::123456789012:role/web-task",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "runtimePlatform": { "operatingSystemFamily": "LINUX", "cpuArchitecture": "X86_64" },
  "containerDefinitions": [
    {
      "name": "app",
      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.13.0",
      "portMappings": [{ "containerPort": 8080, "name": "http", "appProtocol": "http" }],
      "environment": [{ "name": "NODE_ENV", "value": "production" }, { "name": "API_TOKEN", "value": "tok-9f8e7d6c5b4a" }],
      "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:web/db-AbCdEf" }],
      "healthCheck": { "command": ["CMD-SHELL", "curl -fsS http://localhost:$PORT/health || exit 1"], "startPeriod": 10 },
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" } }, // trailing comma
    },
  ],
  "tags": [{ "key": "team", "value": "storefront" }]
}
`;
