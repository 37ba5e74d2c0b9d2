export interface ClusterPorts {
  port: number
  web: number[]
  sync: number[]
}
export function clusterPorts(port: number, counts?: { web: number; sync: number }): ClusterPorts
export function haproxyConfig(c: ClusterPorts & { statsSocket?: string }): string
