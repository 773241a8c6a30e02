/** Facts that come from the SDK are checked against the installed @aws-sdk/client-ecs model. */
import assert from 'node:assert/strict';
import { CREATE_SERVICE_MEMBERS, toUpdateServiceInput, UPDATE_SERVICE_MEMBERS } from '../../src/core/facts';
import { loadSdkModel } from '../../tools/sdk-model';

describe('facts', () => {
  const model = loadSdkModel(['CreateServiceRequest', 'UpdateServiceRequest']);

  it('create-service and update-service members match the SDK model', () => {
    assert.deepEqual([...CREATE_SERVICE_MEMBERS].sort(), Object.keys(model.shapes.get('CreateServiceRequest')!.members).sort());
    assert.deepEqual([...UPDATE_SERVICE_MEMBERS].sort(), Object.keys(model.shapes.get('UpdateServiceRequest')!.members).sort());
  });

  it('maps create-service input to update-service input and names what it leaves out', () => {
    const { input, dropped } = toUpdateServiceInput({ serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', desiredCount: 2, launchType: 'FARGATE', role: 'x', tags: [], schedulingStrategy: 'REPLICA' });
    assert.deepEqual(input, { service: 'web', cluster: 'prod', taskDefinition: 'web:3', desiredCount: 2 });
    assert.deepEqual(dropped.sort(), ['launchType', 'role', 'schedulingStrategy', 'tags']);
  });
});
